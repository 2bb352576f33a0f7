import { startTestApp, startTwoInstances, type TestApp } from '../../test/harness'
import { Upload } from './entities'
import { smallPng } from './test-helpers'

async function upload(baseUrl: string, token: string, png: Buffer) {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'photo.png')
  const res = await fetch(`${baseUrl}/api/uploads?purpose=ticket`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  })
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as any }
}

const storedFor = (t: TestApp, userId: number) => t.ds.getRepository(Upload).countBy({ ownerUserId: userId })

describe('the upload limit (60 per person per 10 minutes) under concurrency', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp()
  })
  afterAll(() => t.close())

  it('after 20 uploads, 50 at once: exactly 40 are stored and 10 get 429 with Retry-After', async () => {
    const me = await t.loginAs('demo-resident-2')
    const png = await smallPng()
    for (let i = 0; i < 20; i++) expect((await upload(t.url, me.accessToken, png)).status).toBe(201)
    const burst = await Promise.all(Array.from({ length: 50 }, () => upload(t.url, me.accessToken, png)))
    const refused = burst.filter((r) => r.status === 429)
    expect(burst.filter((r) => r.status === 201).length).toBe(40)
    expect(refused.length).toBe(10)
    for (const r of refused) {
      expect(r.body.error).toMatchObject({ code: 'rate_limited', message: '上传太频繁，请过几分钟再试' })
      expect(Number(r.retryAfter)).toBeGreaterThanOrEqual(1)
      expect(Number(r.retryAfter)).toBeLessThanOrEqual(600)
    }
    expect(await storedFor(t, me.user.id)).toBe(60)
    // Someone else is not affected.
    const other = await t.loginAs('demo-resident-3')
    expect((await upload(t.url, other.accessToken, png)).status).toBe(201)
  })
})

describe('with two instances sharing Redis', () => {
  let both: Awaited<ReturnType<typeof startTwoInstances>>
  beforeAll(async () => {
    both = await startTwoInstances()
  })
  afterAll(() => both.close())

  it('the limit is one count across both: 35 + 35 at once store exactly 60', async () => {
    const { first: t, peer } = both
    const me = await t.loginAs('demo-resident-4')
    const png = await smallPng()
    const burst = await Promise.all(Array.from({ length: 70 }, (_, i) => upload(i % 2 ? peer.url : t.url, me.accessToken, png)))
    expect(burst.filter((r) => r.status === 201).length).toBe(60)
    expect(burst.filter((r) => r.status === 429).length).toBe(10)
    expect(await storedFor(t, me.user.id)).toBe(60)
  })
})
