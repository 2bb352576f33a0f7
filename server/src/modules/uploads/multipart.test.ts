import { startTestApp, type TestApp } from '../../test/harness'
import { hangUpMidBody } from '../../test/request-from'
import { smallPng, storedFiles, uploadCount } from './test-helpers'

/**
 * Malformed multipart bodies, as a broken client or an attacker sends them. Each must end its
 * own request with a 400 in the JSON error shape and leave the process serving: an 'error' event
 * that nobody listens to would surface as an uncaught exception (and kill the real server).
 */
let t: TestApp
let token: string
// An 'error' event nobody listens to fails the test here (Jest reports the uncaught error);
// server/src/process-survives.test.ts sends the same bodies to a real server process.

beforeAll(async () => {
  t = await startTestApp()
  token = (await t.loginAs('demo-resident-1')).accessToken
})
afterAll(async () => {
  await t.close()
})

const CRLF = '\r\n'
const part = (name: string, filename: string | null, type: string | null) =>
  `--x${CRLF}Content-Disposition: form-data; name="${name}"${filename ? `; filename="${filename}"` : ''}${CRLF}` +
  `${type ? `Content-Type: ${type}${CRLF}` : ''}${CRLF}`

async function postRaw(body: Buffer, contentType = 'multipart/form-data; boundary=x') {
  const res = await fetch(`${t.url}/api/uploads?purpose=ticket`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
    body: new Uint8Array(body),
  })
  const text = await res.text()
  return { status: res.status, body: JSON.parse(text) }
}

/** Lets any error event still queued for this request surface, then proves the server answers. */
async function stillServing() {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve))
  const health = await fetch(`${t.url}/api/health`)
  expect(health.status).toBe(200)
  const me = await t.call('GET', '/api/me', { token })
  expect(me.status).toBe(200)
}

describe('malformed multipart uploads', () => {
  let png: Buffer
  beforeAll(async () => {
    png = await smallPng()
  })

  const cases: [string, () => Buffer][] = [
    ['a file part that ends without the closing boundary', () => Buffer.concat([Buffer.from(part('file', 'a.jpg', 'image/jpeg')), png])],
    [
      'a complete file followed by a truncated second part header',
      () =>
        Buffer.concat([
          Buffer.from(part('file', 'a.jpg', 'image/jpeg')),
          png,
          Buffer.from(`${CRLF}--x${CRLF}Content-Disposition: form-da`),
        ]),
    ],
    ['a file part under another field name, cut short', () => Buffer.concat([Buffer.from(part('photo', 'a.jpg', 'image/jpeg')), png])],
    [
      'a skipped file part, then the real one cut short',
      () =>
        Buffer.concat([
          Buffer.from(part('photo', 'b.jpg', 'image/jpeg')),
          png,
          Buffer.from(CRLF + part('file', 'a.jpg', 'image/jpeg')),
          png,
        ]),
    ],
    ['a text field cut short', () => Buffer.from(`${part('note', null, null)}hello`)],
    ['a body that is not multipart at all', () => Buffer.from('this is not a form')],
  ]

  it.each(cases)('%s: 400 in the error shape, nothing stored, and the server keeps serving', async (_name, body) => {
    const before = await uploadCount(t)
    const res = await postRaw(body())
    expect(res.status).toBe(400)
    expect(res.body).toEqual({ error: { code: 'bad_request', message: expect.stringMatching(/[\u4e00-\u9fff]/) } })
    expect(await uploadCount(t)).toBe(before)
    expect(storedFiles(t)).toEqual([])
    await stillServing()
  })

  it('a multipart content type without a boundary is 400, not 500', async () => {
    const res = await postRaw(Buffer.from('whatever'), 'multipart/form-data')
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe('bad_request')
    await stillServing()
  })

  it('a client that hangs up in the middle of a file leaves the server serving', async () => {
    await hangUpMidBody(
      t.url,
      `POST /api/uploads?purpose=ticket HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\nContent-Type: multipart/form-data; boundary=x\r\n`,
      Buffer.concat([Buffer.from(part('file', 'a.jpg', 'image/jpeg')), png]),
    )
    await stillServing()
    expect(storedFiles(t)).toEqual([])
  })

  it('a well-formed upload still works after all of the above', async () => {
    const body = Buffer.concat([Buffer.from(part('file', 'a.png', 'image/png')), png, Buffer.from(`${CRLF}--x--${CRLF}`)])
    const res = await postRaw(body)
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({ id: expect.any(Number), review: 'pending' })
  })
})
