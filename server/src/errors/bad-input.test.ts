import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { startTestApp, type TestApp } from '../test/harness'
import { hangUpMidBody, rawRequest } from '../test/request-from'

/**
 * Bad input gets the right answer: a 4xx in the one JSON error shape whose code agrees with its
 * status, never a 500, and the process keeps serving.
 */
let t: TestApp
let h5: TestApp
let h5Dir: string
// An 'error' event nobody listens to fails the test here (Jest reports the uncaught error);
// server/src/process-survives.test.ts sends the same bodies to a real server process.

beforeAll(async () => {
  t = await startTestApp()
  h5Dir = mkdtempSync(join(tmpdir(), 'anju-h5-'))
  mkdirSync(join(h5Dir, 'js'))
  writeFileSync(join(h5Dir, 'index.html'), '<!doctype html><title>安居</title>')
  writeFileSync(join(h5Dir, 'js', 'app.js'), 'console.log(1)')
  h5 = await startTestApp({ seed: false, env: { H5_DIR: h5Dir } })
})
afterAll(async () => {
  await t.close()
  await h5.close()
  rmSync(h5Dir, { recursive: true, force: true })
})

/** One request exactly as written (the path untouched), its JSON body as `json`. */
const raw = (base: string, method: string, path: string, headers: Record<string, string> = {}, body?: Buffer) =>
  rawRequest(base, method, path, { headers, body }).then((res) => ({ ...res, json: res.body }))

const CODE_FOR_STATUS: Record<number, string> = { 400: 'bad_request', 403: 'forbidden', 404: 'not_found', 415: 'unsupported_media_type' }
const chinese = expect.stringMatching(/[\u4e00-\u9fff]/)

describe('request bodies with a Content-Encoding', () => {
  const login = (encoding: string, body: Buffer) =>
    raw(t.url, 'POST', '/api/auth/wechat-login', { 'content-type': 'application/json', 'content-encoding': encoding }, body)

  it.each(['gzip', 'deflate', 'br'])('%s over a body that is not compressed is 400 bad_request', async (encoding) => {
    const res = await login(encoding, Buffer.from('{"code":"abc"}'))
    expect(res.status).toBe(400)
    expect(res.json).toEqual({ error: { code: 'bad_request', message: chinese } })
  })

  it('an encoding the server does not accept is 415 unsupported_media_type', async () => {
    const res = await login('compress', Buffer.from('{"code":"abc"}'))
    expect(res.status).toBe(415)
    expect(res.json).toEqual({ error: { code: 'unsupported_media_type', message: chinese } })
  })

  it('a body that really is gzip is still read (here: gzipped broken JSON is invalid_json)', async () => {
    const res = await login('gzip', gzipSync('{"code": '))
    expect(res.status).toBe(400)
    expect(res.json.error.code).toBe('invalid_json')
  })

  it('a body shorter than its Content-Length header says is a 400, not a hang or a 500', async () => {
    const res = await raw(
      t.url,
      'POST',
      '/api/auth/wechat-login',
      { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      gzipSync('{"code":"abc"}').subarray(0, 12),
    )
    expect(res.status).toBe(400)
    expect(res.json.error.code).toBe('bad_request')
  })
})

describe('a client that hangs up in the middle of a body', () => {
  /** Sends the head and part of a body, hangs up, and waits until the server has finished that request (its log line). */
  async function finishedAfterHangUp(headers: string, partial: Buffer) {
    const finished: unknown[] = []
    const requestId = `hangup-${Math.random().toString(36).slice(2)}`
    const info = t.ctx.log.info
    t.ctx.log.info = (msg: string, fields?: object) => {
      if ((fields as { requestId?: string } | undefined)?.requestId === requestId) finished.push(fields)
    }
    try {
      await hangUpMidBody(t.url, `POST /api/auth/refresh HTTP/1.1\r\nHost: x\r\nX-Request-Id: ${requestId}\r\n${headers}`, partial)
      // Bounded wait for the server's side to finish: a request that never ends fails here.
      for (let i = 0; i < 100 && finished.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20))
      return finished
    } finally {
      t.ctx.log.info = info
    }
  }

  it('an uncompressed body: the request ends', async () => {
    expect(await finishedAfterHangUp('Content-Type: application/json\r\n', Buffer.from('{"refreshToken":"'))).toHaveLength(1)
  })

  it('a gzip body: the request ends too, instead of waiting forever on the decompressor', async () => {
    const partial = gzipSync(JSON.stringify({ refreshToken: 'x'.repeat(5000) + Math.random() })).subarray(0, 20)
    expect(await finishedAfterHangUp('Content-Type: application/json\r\nContent-Encoding: gzip\r\n', partial)).toHaveLength(1)
    expect((await raw(t.url, 'GET', '/api/health')).status).toBe(200)
  })
})

describe('GET /files/ (officers’ photos)', () => {
  it('serves a real file', async () => {
    const res = await raw(t.url, 'GET', '/files/officers/150300.svg')
    expect(res.status).toBe(200)
    expect(res.text).toContain('<svg')
  })

  const table: [string, number][] = [
    ['/files/', 404],
    ['/files/officers', 404],
    ['/files/officers/', 404],
    ['/files/no-such.svg', 404],
    ['/files/.hidden', 404],
    ['/files/../test.sqlite', 403],
    ['/files/officers/../../test.sqlite', 403],
    ['/files/%2e%2e/test.sqlite', 403],
    ['/files/..%2ftest.sqlite', 403],
    ['/files/%2e%2e%2f%2e%2e%2fetc%2fpasswd', 403],
    ['/files/..%5ctest.sqlite', 403],
    ['/files//etc/passwd', 404],
    ['/files/%2fetc%2fpasswd', 404],
    ['/files/a%00.svg', 400],
    ['/files/officers/150300.svg%00.png', 400],
    ['/files/%E0%A4%A', 400],
  ]
  it.each(table)('%s answers %i with the code that matches', async (path, status) => {
    const res = await raw(t.url, 'GET', path)
    expect(res.status).toBe(status)
    expect(res.json).toEqual({ error: { code: CODE_FOR_STATUS[status], message: chinese } })
  })
})

describe('the H5 app beside the API', () => {
  it('serves its files and the app shell for app routes', async () => {
    expect((await raw(h5.url, 'GET', '/js/app.js')).text).toBe('console.log(1)')
    const shell = await raw(h5.url, 'GET', '/pages/home/index?building=ABC')
    expect(shell.status).toBe(200)
    expect(shell.text).toContain('安居')
  })

  it.each([
    '/../../etc/passwd',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/js/..%2f..%2fetc%2fpasswd',
    '/a%00b',
    '/%E0%A4%A',
    '/js',
    '/js/',
    '/.hidden',
  ])('%s gets the app shell, never a file outside the build or an error', async (path) => {
    const res = await raw(h5.url, 'GET', path)
    expect(res.status).toBe(200)
    expect(res.text).toContain('安居')
    expect(res.text).not.toMatch(/root:|console\.log/)
  })
})

describe('route parameters and queries', () => {
  it('a malformed percent-escape in a path parameter is 400, not 500', async () => {
    const { accessToken } = await t.loginAs('demo-resident-2')
    const res = await raw(t.url, 'GET', '/api/places/buildings/by-code/%E0%A4%A', { authorization: `Bearer ${accessToken}` })
    expect([400, 404]).toContain(res.status)
    expect(res.json.error.code).toBe(CODE_FOR_STATUS[res.status])
  })

  it('a signed upload link with a malformed id is 400 validation_failed', async () => {
    const res = await raw(t.url, 'GET', '/api/uploads/%E0%A4%A/content?exp=1&sig=x')
    expect(res.status).toBe(400)
    expect(['validation_failed', 'bad_request']).toContain(res.json.error.code)
  })
})

describe('JSON bodies', () => {
  const post = (body: string, contentType = 'application/json') =>
    raw(t.url, 'POST', '/api/auth/refresh', { 'content-type': contentType }, Buffer.from(body))

  it('JSON nested deeper than any form is a 400, not 500', async () => {
    const res = await post('['.repeat(100_000) + ']'.repeat(100_000))
    expect(res.status).toBe(400)
    expect(['validation_failed', 'invalid_json']).toContain(res.json.error.code)
  })

  it.each(['koi8-r', 'utf-16', 'no-such-charset'])('a declared charset (%s) is read as UTF-8, never a 500', async (charset) => {
    const res = await post('{"refreshToken":"x"}', `application/json; charset=${charset}`)
    expect(res.status).toBe(400)
    expect(res.json.error.code).toBe('validation_failed')
  })

  it.each(['null', '"text"', '123', '[]'])('a body of JSON %s is a validation error', async (body) => {
    const res = await post(body)
    expect(res.status).toBe(400)
    expect(['validation_failed', 'invalid_json']).toContain(res.json.error.code)
  })

  it('a malformed Content-Type header is answered in the error shape', async () => {
    const res = await post('{"refreshToken":"x"}', 'application/json; charset')
    expect(res.status).toBeLessThan(500)
    expect(res.json).toHaveProperty('error.code')
  })
})
