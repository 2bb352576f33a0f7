import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import WebSocket from 'ws'
import { scratchDatabase } from './test/harness'
import { hangUpMidBody, rawRequest } from './test/request-from'

/**
 * One bad request must never take Anju down. The other tests run the app inside Jest; this one
 * runs the compiled server in its own process, as `npm start` does (WeChat stand-in, demo
 * district), sends it every kind of broken body the hardening issue found, and then checks that the
 * process is still alive and answering. An 'error' event nobody handles would end it here.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildServer } = require('../../scripts/lib/server-build') as { buildServer: () => string }

let server: ChildProcess
let url = ''
let output = ''
let drop: () => Promise<void>

beforeAll(async () => {
  const db = await scratchDatabase()
  drop = db.drop
  server = spawn(process.execPath, [buildServer()], {
    cwd: join(__dirname, '..'),
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    env: {
      ...process.env,
      NODE_ENV: 'development',
      DEMO_DATA: '1',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DATA_DIR: db.dataDir,
      ...(db.config.type === 'mysql' ? { DATABASE_URL: db.config.url } : {}),
    },
  })
  server.stdout!.on('data', (c: Buffer) => (output += c.toString()))
  server.stderr!.on('data', (c: Buffer) => (output += c.toString()))
  const port = await new Promise<number>((resolve, reject) => {
    server.on('message', (m: { type?: string; port?: number }) => m.type === 'listening' && resolve(m.port!))
    server.once('exit', (code) => reject(new Error(`server exited with ${code} before listening:\n${output}`)))
  })
  url = `http://127.0.0.1:${port}`
}, 120_000)

afterAll(async () => {
  if (server.exitCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve))
    server.kill('SIGTERM')
    await exited
  }
  await drop()
})

async function login(key: string): Promise<string> {
  const { code } = (await post('/api/auth/demo-code', { key })).body as { code: string }
  return ((await post('/api/auth/wechat-login', { code })).body as { accessToken: string }).accessToken
}

const post = (path: string, body: unknown) =>
  rawRequest(url, 'POST', path, { headers: { 'content-type': 'application/json' }, body: Buffer.from(JSON.stringify(body)) })

const CRLF = '\r\n'
const part = (name: string, filename: string) =>
  `--x${CRLF}Content-Disposition: form-data; name="${name}"; filename="${filename}"${CRLF}Content-Type: image/jpeg${CRLF}${CRLF}`
const JPEG_START = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46])

/** A socket that is sent garbage of every kind; resolves when the server has closed it. */
function garbageSocket(token: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${url.replace('http', 'ws')}/api/realtime`)
    ws.on('error', reject)
    ws.on('open', () => {
      ws.send(JSON.stringify({ type: 'auth', token }))
      for (const frame of ['not json', '{"type":"ack"}', '{"type":"nope"}', '[]', 'null']) ws.send(frame)
      ws.send(Buffer.from([0, 1, 2, 3]), { binary: true })
    })
    ws.on('close', (code) => resolve(code))
  })
}

describe('the server process outlives every broken request', () => {
  it('answers each in the error shape and is still serving afterwards', async () => {
    const resident = await login('demo-resident-1')
    const desk = await login('demo-dispatcher-2')
    const auth = { authorization: `Bearer ${resident}` }
    const upload = (body: Buffer) =>
      rawRequest(url, 'POST', '/api/uploads?purpose=ticket', {
        headers: { ...auth, 'content-type': 'multipart/form-data; boundary=x' },
        body,
      })

    // Multipart bodies that end early: a file without its closing boundary, a complete file then a
    // truncated part header, and a file under another field name.
    const cut = [
      Buffer.concat([Buffer.from(part('file', 'a.jpg')), JPEG_START]),
      Buffer.concat([Buffer.from(part('file', 'a.jpg')), JPEG_START, Buffer.from(`${CRLF}--x${CRLF}Content-Disposition: form-da`)]),
      Buffer.concat([Buffer.from(part('photo', 'a.jpg')), JPEG_START]),
    ]
    for (const body of cut) {
      const res = await upload(body)
      expect(res.status).toBe(400)
      expect(res.body).toEqual({ error: { code: 'bad_request', message: expect.any(String) } })
    }

    // Bodies that lie about their encoding, a truncated gzip, JSON that is not.
    const json = { ...auth, 'content-type': 'application/json' }
    for (const [encoding, body] of [
      ['gzip', Buffer.from('{"a":1}')],
      ['br', Buffer.from('{"a":1}')],
      ['gzip', gzipSync('{"name":"张伟"}').subarray(0, 12)],
      ['identity', Buffer.from('{"name":')],
    ] as const) {
      const res = await rawRequest(url, 'PATCH', '/api/me', { headers: { ...json, 'content-encoding': encoding }, body })
      expect(res.status).toBeGreaterThanOrEqual(400)
      expect(res.status).toBeLessThan(500)
      expect(res.body).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } })
    }

    // Paths that climb out of the public folder, or name no file.
    for (const path of ['/files/', '/files/../data/anju.sqlite', '/files/%2e%2e/secrets.json', '/files/a%00b']) {
      const res = await rawRequest(url, 'GET', path)
      expect([400, 403, 404]).toContain(res.status)
    }

    // Clients that hang up half-way: a compressed body, an upload, a CSV import.
    await hangUpMidBody(
      url,
      `PATCH /api/me HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${resident}\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\n`,
      gzipSync('{"name":"张伟"}').subarray(0, 10),
    )
    await hangUpMidBody(
      url,
      `POST /api/uploads?purpose=ticket HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${resident}\r\nContent-Type: multipart/form-data; boundary=x\r\n`,
      Buffer.concat([Buffer.from(part('file', 'a.jpg')), JPEG_START]),
    )
    await hangUpMidBody(
      url,
      `POST /api/places/import HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${desk}\r\nContent-Type: text/csv\r\n`,
      'district,street,community,grid,building_code,building,address,units,officer_police_number\n新城区,',
    )

    // A socket that sends nothing but garbage is closed by the server, not the other way round.
    expect(await garbageSocket(resident)).toBeGreaterThanOrEqual(4000)

    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(server.exitCode).toBeNull()
    expect((await rawRequest(url, 'GET', '/api/health')).status).toBe(200)
    const me = await rawRequest(url, 'GET', '/api/me', { headers: auth })
    expect(me.status).toBe(200)
    expect(output).not.toMatch(/Unexpected end of form|uncaught|Unhandled/i)
  })
})
