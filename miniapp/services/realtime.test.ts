import { HEARTBEAT_MS, type ServerFrame } from '@anju/shared'
import { FakeSocket } from '../test/fake-socket'
import { backoffDelay, POLL_MS, RealtimeClient, type RealtimeOptions } from './realtime'

/** The connection state machine, with fake timers and a fake socket standing in for the server. */
function setup(overrides: Partial<RealtimeOptions> = {}) {
  const sockets: FakeSocket[] = []
  const renewAuth = jest.fn(() => Promise.resolve())
  let failConnect = false
  const client = new RealtimeClient({
    url: () => 'ws://anju.test/api/realtime',
    token: () => 'token-1',
    connect: (url) => {
      if (failConnect) return Promise.reject(new Error('connectSocket:fail'))
      const socket = new FakeSocket(url)
      sockets.push(socket)
      return Promise.resolve(socket)
    },
    renewAuth,
    random: () => 0.5, // no jitter: the delays are exact
    ...overrides,
  })
  const frames: ServerFrame[] = []
  const catchUps = jest.fn()
  client.subscribe((f) => frames.push(f))
  client.onCatchUp(catchUps)
  return {
    client,
    sockets,
    frames,
    catchUps,
    renewAuth,
    setFailConnect: (v: boolean) => (failConnect = v),
    last: () => sockets[sockets.length - 1]!,
  }
}

const tick = (ms = 0) => jest.advanceTimersByTimeAsync(ms)

beforeEach(() => jest.useFakeTimers())
afterEach(() => jest.useRealTimers())

describe('the realtime client', () => {
  it('authenticates with the access token, acks the other side’s messages, passes frames on and keeps the line alive', async () => {
    const rt = setup()
    rt.client.start()
    await tick()
    expect(rt.client.getStatus()).toBe('connecting')
    rt.last().accept()
    expect(rt.last().sent[0]).toEqual({ type: 'auth', token: 'token-1' })
    expect(rt.client.getStatus()).toBe('online')
    expect(rt.catchUps).toHaveBeenCalledTimes(1)

    const message = { id: 1, conversationId: 31, seq: 4, sender: { userId: 9, name: '傅文斌' } } as never
    rt.last().receive({ type: 'message', message })
    expect(rt.frames).toEqual([{ type: 'message', message }])
    expect(rt.last().sent).toContainEqual({ type: 'ack', conversationId: 31, seq: 4 })
    // The echo of the user's own message (userId 5, from accept()) is passed on but not acked.
    const own = { id: 2, conversationId: 31, seq: 5, sender: { userId: 5, name: '我' } } as never
    rt.last().receive({ type: 'message', message: own })
    expect(rt.frames).toHaveLength(2)
    expect(rt.last().sent).not.toContainEqual({ type: 'ack', conversationId: 31, seq: 5 })

    await tick(HEARTBEAT_MS)
    expect(rt.last().sent).toContainEqual({ type: 'ping' })
  })

  it('reconnects after 1 s, 2 s, 4 s …, polls after three failures, and stops polling once back online', async () => {
    const rt = setup()
    rt.client.start()
    await tick()
    rt.last().accept()
    rt.last().drop()
    expect(rt.client.getStatus()).toBe('connecting')
    await tick(999)
    expect(rt.sockets).toHaveLength(1)
    await tick(1)
    expect(rt.sockets).toHaveLength(2)
    rt.last().drop() // second failure: 2 s
    await tick(2000)
    expect(rt.sockets).toHaveLength(3)
    rt.catchUps.mockClear()
    rt.last().drop() // third failure: polling takes over, the socket keeps trying every 4 s
    expect(rt.client.getStatus()).toBe('polling')
    expect(rt.catchUps).toHaveBeenCalledTimes(1)
    await tick(POLL_MS)
    expect(rt.catchUps).toHaveBeenCalledTimes(2)
    expect(rt.sockets).toHaveLength(4)

    rt.last().accept()
    expect(rt.client.getStatus()).toBe('online')
    const calls = rt.catchUps.mock.calls.length
    await tick(POLL_MS * 3)
    expect(rt.catchUps).toHaveBeenCalledTimes(calls) // no more polling
  })

  it('falls back to polling when the socket cannot even be opened, and caps the wait at 30 s', async () => {
    const rt = setup()
    rt.setFailConnect(true)
    rt.client.start()
    await tick()
    await tick(1000)
    await tick(2000)
    expect(rt.client.getStatus()).toBe('polling')
    expect(backoffDelay(6, () => 0.5)).toBe(30_000)
    expect(backoffDelay(20, () => 1)).toBe(30_000)
    expect(backoffDelay(3, () => 0)).toBe(3200) // 4 s less 20 % jitter
  })

  it('renews the session before reconnecting when the server refuses the token (4401)', async () => {
    const rt = setup()
    rt.client.start()
    await tick()
    rt.last().accept()
    rt.last().drop(4401)
    expect(rt.renewAuth).not.toHaveBeenCalled()
    await tick(1000)
    expect(rt.renewAuth).toHaveBeenCalledTimes(1)
    expect(rt.sockets).toHaveLength(2)

    // In H5 the close code is lost (1006); the server's error frame before it says enough.
    rt.last().accept()
    rt.last().receive({ type: 'error', code: 'token_expired', message: '登录已过期，请重新登录' })
    rt.last().drop(1006)
    await tick(1000)
    expect(rt.renewAuth).toHaveBeenCalledTimes(2)
    expect(rt.frames).toHaveLength(0)
  })

  it('polls while the server says it lost Redis (degraded), and on resumed fetches the gap and stops polling', async () => {
    const rt = setup()
    rt.client.start()
    await tick()
    rt.last().accept()
    rt.catchUps.mockClear()

    rt.last().receive({ type: 'degraded' })
    expect(rt.client.getStatus()).toBe('polling')
    expect(rt.catchUps).toHaveBeenCalledTimes(1)
    await tick(POLL_MS * 2)
    expect(rt.catchUps).toHaveBeenCalledTimes(3)
    // The socket stays: this instance's frames still come, and it says when the rest do again.
    expect(rt.last().closed).toBe(false)

    rt.last().receive({ type: 'resumed' })
    expect(rt.client.getStatus()).toBe('online')
    expect(rt.catchUps).toHaveBeenCalledTimes(4) // the gap: listeners fetch after their last seq
    await tick(POLL_MS * 3)
    expect(rt.catchUps).toHaveBeenCalledTimes(4)
    // Connection signals are the client's business, not the pages'.
    expect(rt.frames).toEqual([])
    expect(rt.sockets).toHaveLength(1)
  })

  it('ignores frames it cannot read instead of passing them to the pages', async () => {
    const rt = setup()
    rt.client.start()
    await tick()
    rt.last().accept()
    for (const data of ['not json', '{"type":"explode"}', '[1]', 'null', new ArrayBuffer(4)]) rt.last().receiveRaw(data)
    expect(rt.frames).toEqual([])
    expect(rt.client.getStatus()).toBe('online')
  })

  it('gives up on a connection that went silent', async () => {
    const rt = setup()
    rt.client.start()
    await tick()
    rt.last().accept()
    // Pings at 25 s and 50 s go unanswered; at 75 s it is closed and tried again a second later.
    await tick(HEARTBEAT_MS * 3)
    expect(rt.sockets[0]!.closed).toBe(true)
    await tick(1000)
    expect(rt.sockets).toHaveLength(2)
  })

  it('stops for good on sign-out', async () => {
    const rt = setup()
    rt.client.start()
    await tick()
    rt.last().accept()
    rt.client.stop()
    expect(rt.last().closed).toBe(true)
    expect(rt.client.getStatus()).toBe('stopped')
    rt.last().drop()
    await tick(60_000)
    expect(rt.sockets).toHaveLength(1)
  })
})
