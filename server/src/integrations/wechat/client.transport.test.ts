import { createServer, type Server, type Socket } from 'node:net'
import { AppError } from '../../errors/app-error'
import { HttpWechatApi, WechatSendError } from './client'
import { WechatTransportError } from './errors'

/**
 * The WeChat client against a server that misbehaves the ways networks and proxies do. Each
 * failure must become the client's own error for that one call (login: 503 wechat_unavailable;
 * checks: WechatTransportError; sends: a retryable WechatSendError), never an uncaught error.
 */
type Behaviour = (socket: Socket) => void
let behaviour: Behaviour
let server: Server
let api: HttpWechatApi
const sockets = new Set<Socket>()
// An 'error' event nobody listens to fails the test here: Jest reports the uncaught error.

const json = (body: string, extraHeaders = '') =>
  `HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n${extraHeaders}\r\n${body}`

beforeAll(async () => {
  server = createServer((socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.on('error', () => undefined)
    // Answer once the request head has arrived (the client sends it in one go).
    socket.once('data', () => behaviour(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const addr = server.address()
  const port = typeof addr === 'object' && addr ? addr.port : 0
  api = new HttpWechatApi({ baseUrl: `http://127.0.0.1:${port}`, appId: 'wx_t', appSecret: 's', timeoutMs: 300 })
})
afterAll(async () => {
  for (const s of sockets) s.destroy()
  await new Promise((resolve) => server.close(resolve))
})

const cases: [string, Behaviour][] = [
  ['the connection is reset before any answer', (s) => s.resetAndDestroy()],
  ['the connection closes before any answer', (s) => s.end()],
  [
    'the answer stops half-way (Content-Length not reached)',
    (s) => {
      s.write('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"openid":')
      setImmediate(() => s.destroy())
    },
  ],
  [
    'a chunked answer is cut between chunks',
    (s) => {
      s.write('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{"ope\r\n')
      setImmediate(() => s.resetAndDestroy())
    },
  ],
  ['the answer is not HTTP at all', (s) => s.end('SSH-2.0-OpenSSH\r\n\r\n')],
  [
    'the answer is a proxy error page',
    (s) => s.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 11\r\nConnection: close\r\n\r\nbad gateway'),
  ],
  ['the answer is not JSON', (s) => s.end(json('<html>维护中</html>', 'Connection: close\r\n'))],
  ['the answer is JSON of the wrong shape', (s) => s.end(json('[1,2,3]', 'Connection: close\r\n'))],
  ['the answer is JSON null', (s) => s.end(json('null', 'Connection: close\r\n'))],
  ['the answer is a JSON string', (s) => s.end(json('"ok"', 'Connection: close\r\n'))],
  [
    'the answer is 2 MB of otherwise valid JSON (no WeChat reply is near that)',
    (s) => {
      s.end(
        json(
          `{"openid":"o1","session_key":"k","trace_id":"t","result":{"suggest":"pass","label":100},"pad":"${'x'.repeat(2 * 1024 * 1024)}"}`,
          'Connection: close\r\n',
        ),
      )
    },
  ],
  ['the answer never comes', () => undefined],
  [
    'the answer is far larger than any WeChat reply',
    (s) => {
      s.write('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n')
      const chunk = Buffer.alloc(64 * 1024, 0x20)
      const pump = () => {
        while (!s.destroyed && s.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`)) {
          // keep writing until the socket pushes back
        }
        if (!s.destroyed) s.once('drain', pump)
      }
      pump()
    },
  ],
]

describe('a misbehaving WeChat', () => {
  it.each(cases)('%s: login answers wechat_unavailable', async (_name, b) => {
    behaviour = b
    const err = await api.code2Session('abc').catch((e: unknown) => e)
    expect(err).toBeInstanceOf(AppError)
    // 502 when WeChat answered nonsense, 503 when it could not be reached: either way, not the resident's fault.
    expect((err as AppError).code).toBe('wechat_unavailable')
    expect([502, 503]).toContain((err as AppError).status)
  })

  it.each(cases)('%s: a text check fails with a transport error', async (_name, b) => {
    behaviour = b
    const err = await api.msgSecCheck({ openid: 'o', content: '你好', scene: 2 }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(WechatTransportError)
  })

  it.each(cases)('%s: a subscribe message fails as retryable', async (_name, b) => {
    behaviour = b
    const err = await api.sendSubscribeMessage({ touser: 'o', templateId: 't', data: {} }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(WechatSendError)
    expect((err as WechatSendError).retryable).toBe(true)
  })

  it('a well-behaved answer after all of that still works', async () => {
    behaviour = (s) => s.end(json('{"openid":"o1","session_key":"k"}', 'Connection: close\r\n'))
    expect(await api.code2Session('abc')).toEqual({ openid: 'o1', sessionKey: 'k' })
  })
})
