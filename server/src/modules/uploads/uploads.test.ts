import sharp from 'sharp'
import { startTestApp, type TestApp } from '../../test/harness'
import { Upload } from './entities'
import { LIMITS } from '../../lib/rate-limit'
import { hasGpsIfd, pngClaiming, postFile, sidewaysJpegWithGps, smallPng, storedFiles, uploadCount } from './test-helpers'

let t: TestApp
let token: string
beforeAll(async () => {
  t = await startTestApp()
  token = (await t.loginAs('demo-resident-1')).accessToken
})
afterAll(() => t.close())

const fetchBytes = async (path: string) => {
  const res = await fetch(t.url + path)
  return { res, bytes: Buffer.from(await res.arrayBuffer()) }
}

describe('uploading a photo', () => {
  it('keeps the photo upright and small, with no EXIF or GPS left in it', async () => {
    const original = await sidewaysJpegWithGps()
    const before = await sharp(original).metadata()
    expect(before.orientation).toBe(6)
    expect(before.exif?.includes(Buffer.from('AnjuTestPhone'))).toBe(true)
    expect(hasGpsIfd(before.exif!)).toBe(true)

    const res = await postFile(t, token, original, { filename: 'IMG_0001.JPG' })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({ id: expect.any(Number), width: 683, height: 2048, review: 'pending' })
    expect(res.body.url).toMatch(new RegExp(`^/api/uploads/${res.body.id}/content\\?exp=\\d+&sig=[\\w-]+$`))

    const { res: content, bytes } = await fetchBytes(res.body.url)
    expect(content.status).toBe(200)
    expect(content.headers.get('content-type')).toBe('image/jpeg')
    expect(content.headers.get('cache-control')).toMatch(/^private, max-age=\d+/)
    const after = await sharp(bytes).metadata()
    expect(after).toMatchObject({ format: 'jpeg', width: 683, height: 2048 })
    expect(after.exif).toBeUndefined()
    expect(after.orientation).toBeUndefined()
    expect(after.xmp).toBeUndefined()
    expect(bytes.includes(Buffer.from('AnjuTestPhone'))).toBe(false)
    // Upright: stored sideways with red on top, it is shown with red on the right.
    const { data, info } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true })
    const pixel = (x: number, y: number) => [
      ...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3),
    ]
    const [lr, , lb] = pixel(20, 1024)
    const [rr, , rb] = pixel(info.width - 20, 1024)
    expect(lb!).toBeGreaterThan(200)
    expect(lr!).toBeLessThan(60)
    expect(rr!).toBeGreaterThan(200)
    expect(rb!).toBeLessThan(60)

    const row = await t.ds.getRepository(Upload).findOneByOrFail({ id: res.body.id })
    expect(row).toMatchObject({ purpose: 'ticket', mime: 'image/jpeg', bytes: bytes.length, width: 683, height: 2048 })
    expect(row.storageKey).toMatch(/^\d{4}-\d{2}\/[0-9a-f]{32}\.jpg$/)
    expect(storedFiles(t).some((f) => f.endsWith(row.storageKey))).toBe(true)
  })

  it('takes a PNG; one with transparency stays PNG, an opaque one becomes JPEG', async () => {
    const clear = await postFile(t, token, await smallPng(true), { filename: 'x.png', type: 'image/png' })
    expect(clear.status).toBe(201)
    expect(clear.body).toMatchObject({ width: 40, height: 30 })
    expect((await fetchBytes(clear.body.url)).res.headers.get('content-type')).toBe('image/png')
    const opaque = await postFile(t, token, await smallPng(false), { filename: 'x.png', type: 'image/png' })
    expect(opaque.status).toBe(201)
    expect((await fetchBytes(opaque.body.url)).res.headers.get('content-type')).toBe('image/jpeg')
  })

  it('takes WebP and the first frame of a GIF, kept as JPEG', async () => {
    const base = () => sharp({ create: { width: 64, height: 48, channels: 3, background: '#3366cc' } })
    for (const bytes of [await base().webp().toBuffer(), await base().gif().toBuffer()]) {
      const res = await postFile(t, token, bytes, { filename: 'photo.png', type: 'image/png' })
      expect(res.status).toBe(201)
      expect(res.body).toMatchObject({ width: 64, height: 48 })
      expect((await fetchBytes(res.body.url)).res.headers.get('content-type')).toBe('image/jpeg')
    }
  })

  it('judges the type by the bytes: a text file called .jpg is refused, and nothing is kept', async () => {
    const rows = await uploadCount(t)
    const files = storedFiles(t).length
    const res = await postFile(t, token, Buffer.from('这不是照片，只是一段文字。'.repeat(20)), {
      filename: 'photo.jpg',
      type: 'image/jpeg',
    })
    expect(res.status).toBe(415)
    expect(res.body.error).toEqual({ code: 'unsupported_media_type', message: '只能上传照片（JPG、PNG、WebP）' })
    // A JPEG header on broken data decodes to nothing: refused too.
    const broken = await postFile(t, token, Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 7)]))
    expect(broken.status).toBe(415)
    expect(await uploadCount(t)).toBe(rows)
    expect(storedFiles(t)).toHaveLength(files)
  })

  it('refuses a decompression bomb by its pixel count, before decoding it', async () => {
    const rows = await uploadCount(t)
    const res = await postFile(t, token, pngClaiming(50_000, 50_000), { type: 'image/png' })
    expect(res.status).toBe(413)
    expect(res.body.error.message).toContain('照片尺寸太大')
    expect(await uploadCount(t)).toBe(rows)
  })

  it('refuses more than 10 MB with 413, whether announced or streamed, and keeps nothing', async () => {
    const rows = await uploadCount(t)
    const files = storedFiles(t).length
    const big = Buffer.concat([await sidewaysJpegWithGps(), Buffer.alloc(11 * 1024 * 1024, 1)])
    const res = await postFile(t, token, big)
    expect(res.status).toBe(413)
    expect(res.body.error.code).toBe('payload_too_large')

    // Chunked, with no Content-Length: the limit is found while reading.
    const boundary = 'anjuboundary7MA4YWxkTrZu0gW'
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
    )
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`)
    const parts = [head, ...Array.from({ length: 11 }, () => Buffer.alloc(1024 * 1024, 2)), tail]
    const stream = new ReadableStream({ pull: (c) => void (parts.length ? c.enqueue(new Uint8Array(parts.shift()!)) : c.close()) })
    const streamed = await fetch(`${t.url}/api/uploads?purpose=ticket`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
      body: stream,
      duplex: 'half',
    } as RequestInit)
    expect(streamed.status).toBe(413)
    expect(((await streamed.json()) as { error: { code: string } }).error.code).toBe('payload_too_large')
    expect(await uploadCount(t)).toBe(rows)
    expect(storedFiles(t)).toHaveLength(files)
    // The connection is still good for the next request.
    expect((await postFile(t, token, await smallPng())).status).toBe(201)
  })

  it('asks for the file when the field is missing, and refuses a second file', async () => {
    const wrongField = await postFile(t, token, await smallPng(), { field: 'photo' })
    expect(wrongField.status).toBe(400)
    expect(wrongField.body.error.message).toContain('请选择要上传的照片')

    const form = new FormData()
    for (let i = 0; i < 2; i++) form.append('file', new Blob([new Uint8Array(await smallPng())], { type: 'image/png' }), `${i}.png`)
    const two = await fetch(`${t.url}/api/uploads?purpose=ticket`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    })
    expect(two.status).toBe(400)
    expect(((await two.json()) as { error: { message: string } }).error.message).toBe('一次只能上传一张照片')

    const json = await t.call('POST', '/api/uploads?purpose=ticket', { token, body: { file: 'x' } })
    expect(json.status).toBe(400)
  })

  it('needs a login, a known purpose, and staff for officer photos', async () => {
    expect((await postFile(t, null, await smallPng())).status).toBe(401)
    const purpose = await postFile(t, token, await smallPng(), { purpose: 'avatar' })
    expect(purpose.status).toBe(400)
    expect(purpose.body.error.code).toBe('validation_failed')
    expect((await postFile(t, token, await smallPng(), { purpose: 'officer_photo' })).status).toBe(403)
    const officer = (await t.loginAs('demo-officer-1')).accessToken
    expect((await postFile(t, officer, await smallPng(), { purpose: 'officer_photo' })).status).toBe(201)
  })

  it('refuses a flood of uploads from one person with 429, keeping nothing, while others go on', async () => {
    const flooder = await t.loginAs('demo-resident-5')
    const me = await t.call('GET', '/api/me', { token: flooder.accessToken })
    // As if they had just uploaded the limit.
    for (let i = 0; i < LIMITS.uploads.points; i++) await t.ctx.limits.consume('uploads', me.body.user.id)
    const before = await uploadCount(t)
    const refused = await postFile(t, flooder.accessToken, await smallPng())
    expect(refused.status).toBe(429)
    expect(refused.body.error).toMatchObject({ code: 'rate_limited', message: '上传太频繁，请过几分钟再试' })
    expect(await uploadCount(t)).toBe(before)
    expect((await postFile(t, token, await smallPng())).status).toBe(201)
  })
})

describe('signed content URLs', () => {
  let url: string
  let otherId: number
  beforeAll(async () => {
    url = (await postFile(t, token, await smallPng())).body.url
    otherId = (await postFile(t, token, await smallPng())).body.id
  })

  it('refuses a URL without, or with a tampered, signature', async () => {
    const id = Number(/uploads\/(\d+)\//.exec(url)![1])
    const sig = new URL(url, t.url).searchParams.get('sig')!
    const exp = new URL(url, t.url).searchParams.get('exp')!
    const tamperedSig = sig.slice(0, -1) + (sig.endsWith('A') ? 'B' : 'A')
    for (const path of [
      `/api/uploads/${id}/content`,
      `/api/uploads/${id}/content?exp=${exp}`,
      `/api/uploads/${id}/content?exp=${exp}&sig=${tamperedSig}`,
      `/api/uploads/${id}/content?exp=${Number(exp) + 600}&sig=${sig}`,
      `/api/uploads/${otherId}/content?exp=${exp}&sig=${sig}`,
    ]) {
      const res = await t.call('GET', path)
      expect([path, res.status]).toEqual([path, 403])
      expect(res.body.error.code).toBe('forbidden')
    }
    expect((await fetchBytes(url)).res.status).toBe(200)
  })

  it('stops working once expired', async () => {
    const realNow = t.clock.now
    t.clock.now = new Date(realNow.getTime() + 2 * 3600_000)
    try {
      expect((await t.call('GET', url)).status).toBe(403)
    } finally {
      t.clock.now = realNow
    }
  })
})
