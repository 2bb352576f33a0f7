import type { Server } from 'node:http'
import { connect, type AddressInfo } from 'node:net'
import { buildApp } from '../app'
import { startTestApp, type TestApp } from '../test/harness'
import { createLogger } from './logger'

/**
 * A client that hangs up or sends bytes that are not HTTP is the client's trouble: Koa's default
 * handler printed it to stderr ("Error: Parse Error"). It goes to the structured log instead, at
 * debug, with what it was and where, and nothing the client sent.
 */
let t: TestApp
let server: Server
let port: number
const lines: Array<Record<string, unknown>> = []
beforeAll(async () => {
  t = await startTestApp({ seed: false })
  const log = createLogger('debug', (line) => void lines.push(JSON.parse(line) as Record<string, unknown>))
  server = buildApp({ ...t.ctx, log }).listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  port = (server.address() as AddressInfo).port
})
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
  await t.close()
})

let stderr: jest.SpyInstance
let consoleError: jest.SpyInstance
beforeEach(() => {
  lines.length = 0
  stderr = jest.spyOn(process.stderr, 'write')
  consoleError = jest.spyOn(console, 'error')
})
afterEach(() => jest.restoreAllMocks())

/** Writes raw bytes on one connection and resolves when the server has hung up. */
function rawExchange(write: (socket: ReturnType<typeof connect>) => void): Promise<void> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => write(socket))
    socket.on('error', () => undefined)
    socket.on('close', () => resolve())
    socket.resume()
  })
}

/** Waits until the server has logged the client error (the log is written after the socket closes). */
async function clientErrorLines() {
  for (let i = 0; i < 100 && !lines.some((l) => l.msg === 'client connection error'); i++)
    await new Promise((resolve) => setTimeout(resolve, 10))
  return lines.filter((l) => l.msg === 'client connection error')
}

describe('client hang-ups and broken HTTP', () => {
  it('bytes that are not HTTP after a request in flight: no stderr, one debug line without what was sent', async () => {
    await rawExchange((socket) => socket.write('GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n\u0000\u0001 13812345678 garbage\r\n\r\n'))
    const logged = await clientErrorLines()
    expect(logged).toEqual([
      expect.objectContaining({ level: 'debug', error: expect.stringMatching(/^HPE_/), method: 'GET', path: '/api/health' }),
    ])
    expect(JSON.stringify(logged)).not.toMatch(/13812345678|garbage/)
    expect(stderr).not.toHaveBeenCalled()
    expect(consoleError).not.toHaveBeenCalled()
  })

  it('a client that resets the connection half-way through its body: no stderr, one debug line', async () => {
    await rawExchange((socket) => {
      socket.write(
        'POST /api/auth/refresh HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"refreshToken":"',
      )
      setTimeout(() => socket.resetAndDestroy(), 50)
    })
    const logged = await clientErrorLines()
    expect(logged).toEqual([expect.objectContaining({ level: 'debug', error: 'ECONNRESET', method: 'POST', path: '/api/auth/refresh' })])
    expect(stderr).not.toHaveBeenCalled()
    expect(consoleError).not.toHaveBeenCalled()
  })

  it('the server still answers', async () => {
    expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200)
  })
})
