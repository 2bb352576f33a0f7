import {
  REALTIME_CLOSE_BAD_FRAMES,
  REALTIME_CLOSE_INTERNAL,
  REALTIME_CLOSE_UNAUTHORIZED,
  REALTIME_ERROR_MESSAGES,
  REALTIME_MAX_BAD_FRAMES,
  REALTIME_MAX_FRAME_BYTES,
} from '@anju/shared'
import { openConversation, TestSocket } from '../modules/messages/test-helpers'
import { tokensFor } from '../modules/tickets/test-helpers'
import { User } from '../modules/users/entities'
import { startTestApp, type TestApp } from '../test/harness'

/** What a socket client sees when it sends what the app never would, or when the server fails. */
describe('the realtime socket facing bad frames and failures', () => {
  let t: TestApp
  let tok: Record<string, string>
  const sockets: TestSocket[] = []
  const connect = async (token: string | null) => {
    const s = await TestSocket.connect(t.url, token)
    sockets.push(s)
    return s
  }
  const error = (code: keyof typeof REALTIME_ERROR_MESSAGES) => ({ type: 'error', code, message: REALTIME_ERROR_MESSAGES[code] })
  /** The server still serves: a fresh socket is authenticated and answers a ping. */
  const stillServes = async () => {
    const s = await connect(tok['demo-officer-1']!)
    await s.next('ready')
    s.send({ type: 'ping' })
    await s.next('pong')
    s.close()
  }
  /** Waits for the server to notice closed sockets (no timing asserted: it only has to happen). */
  const drained = async (to: number) => {
    for (let i = 0; i < 250 && t.ctx.realtime.connections > to; i++) await new Promise((r) => setTimeout(r, 20))
  }

  beforeAll(async () => {
    t = await startTestApp()
    tok = await tokensFor(t, 'demo-resident-1', 'demo-officer-1', 'demo-officer-2')
  })
  afterAll(async () => {
    sockets.forEach((s) => s.close())
    await t.close()
  })

  it('a database failure while authenticating: code internal with a fixed message, no driver text, close 1011; the server keeps serving', async () => {
    await t.ds.query('ALTER TABLE residence RENAME TO residence_gone')
    let s: TestSocket
    let code: number
    try {
      s = await connect(tok['demo-resident-1']!)
      code = await s.closed()
    } finally {
      await t.ds.query('ALTER TABLE residence_gone RENAME TO residence')
    }
    expect(JSON.stringify(s.frames)).not.toMatch(/residence|table|SQL/i)
    expect(s.frames).toEqual([error('internal')])
    expect(code).toBe(REALTIME_CLOSE_INTERNAL)
    await stillServes()
  })

  it('a token whose account has been deleted is refused with 4401, so the app signs in again', async () => {
    const pair = await t.loginAs('socket-test-deleted-user')
    await t.ds.manager.delete(User, { id: pair.user.id })
    const s = await connect(pair.accessToken)
    expect(await s.closed()).toBe(REALTIME_CLOSE_UNAUTHORIZED)
    expect(s.frames).toEqual([error('unauthenticated')])
  })

  it('an ack the user may not make is answered with a code, and the socket stays open', async () => {
    const conv = await openConversation(t, tok['demo-resident-1']!)
    const stranger = await connect(tok['demo-officer-2']!)
    await stranger.next('ready')
    stranger.send({ type: 'ack', conversationId: conv, seq: 1 })
    expect(await stranger.next('error')).toEqual(error('not_found'))
    stranger.send({ type: 'ping' })
    await stranger.next('pong')
  })

  it('garbage gets an error frame each (not JSON, wrong shape, unknown type, binary), and repeated garbage closes the socket with 4400', async () => {
    const s = await connect(tok['demo-officer-1']!)
    await s.next('ready')
    const errors = () => s.frames.filter((f) => f.type === 'error')
    const expectAnswer = async (n: number, code: keyof typeof REALTIME_ERROR_MESSAGES) => {
      await s.next('error', () => errors().length >= n)
      expect(errors()[n - 1]).toEqual(error(code))
    }
    s.ws.send('{"type": "ping"')
    await expectAnswer(1, 'invalid_json')
    s.send({ type: 'ack', conversationId: '1; DROP TABLE message', seq: -1 })
    await expectAnswer(2, 'validation_failed')
    s.send({ type: 'subscribe', topic: 'desk:all' })
    await expectAnswer(3, 'validation_failed')
    s.ws.send(Buffer.from([0xff, 0x00, 0x7b]), { binary: true })
    await expectAnswer(4, 'invalid_json')
    // Still usable between mistakes…
    s.send({ type: 'ping' })
    await s.next('pong')
    // …but not forever.
    for (let i = 4; i < REALTIME_MAX_BAD_FRAMES; i++) s.send(null)
    expect(await s.closed()).toBe(REALTIME_CLOSE_BAD_FRAMES)
    await stillServes()
  })

  it('garbage before the auth frame is answered and refused with 4401', async () => {
    const s = await connect(null)
    s.ws.send('hello')
    expect(await s.closed()).toBe(REALTIME_CLOSE_UNAUTHORIZED)
    expect(s.frames[0]).toEqual(error('invalid_json'))
  })

  it('a frame over the size limit closes the socket with 1009, and the server keeps serving', async () => {
    const s = await connect(tok['demo-officer-1']!)
    await s.next('ready')
    s.send({ type: 'auth', token: 'x'.repeat(REALTIME_MAX_FRAME_BYTES + 1) })
    expect(await s.closed()).toBe(1009)
    await stillServes()
  })

  it('two auth frames make one connection: once it closes the user is no longer present (so WeChat reminders go out)', async () => {
    sockets.forEach((s) => s.close())
    await drained(0)
    const resident = await t.ds.manager.findOneByOrFail(User, { openid: 'demo-resident-1' })
    const s = await connect(tok['demo-resident-1']!)
    s.send({ type: 'auth', token: tok['demo-resident-1'] })
    await s.next('ready')
    s.send({ type: 'ping' })
    await s.next('pong')
    expect(s.frames.filter((f) => f.type === 'ready')).toHaveLength(1)
    s.close()
    await drained(0)
    expect(t.ctx.realtime.connections).toBe(0)
    expect([...(await t.ctx.realtime.presence.online([resident.id]))]).toEqual([])
  })

  it('a client that stops reading is dropped once too much waits for it, instead of the server holding it all', async () => {
    sockets.forEach((s) => s.close())
    await drained(0)
    const officer = await t.ds.manager.findOneByOrFail(User, { openid: 'demo-officer-1' })
    const slow = await connect(tok['demo-officer-1']!)
    await slow.next('ready')
    ;(slow.ws as unknown as { _socket: { pause(): void; resume(): void } })._socket.pause()
    const big = { type: 'notice', notice: { id: 1, title: '停水通知', body: '明'.repeat(20_000) } } as never
    // 1000 frames of 60 KB: far more than the kernel buffers and MAX_BUFFERED_BYTES together.
    for (let i = 0; i < 1000 && t.ctx.realtime.connections > 0; i++) {
      await t.ctx.realtime.publish([`user:${officer.id}`], big)
      await new Promise((r) => setImmediate(r))
    }
    expect(t.ctx.realtime.connections).toBe(0)
    ;(slow.ws as unknown as { _socket: { resume(): void } })._socket.resume()
    expect(await slow.closed()).toBe(1006)
    await stillServes()
  })
})
