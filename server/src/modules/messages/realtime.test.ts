import Redis from 'ioredis'
import { REALTIME_CLOSE_UNAUTHORIZED } from '@anju/shared'
import { signAccessToken } from '../../middleware/auth'
import { startPeerInstance, startTestApp, type TestApp } from '../../test/harness'
import { TEST_REDIS_URL, testRedisPrefix } from '../../test/redis'
import { OutboxMessage } from '../notifications/entities'
import { User } from '../users/entities'
import { tokensFor } from '../tickets/test-helpers'
import { TestSocket, openConversation, sendText } from './test-helpers'

describe('the realtime socket on one instance', () => {
  let t: TestApp
  let tok: Record<string, string>
  const sockets: TestSocket[] = []
  const connect = async (token: string | null) => {
    const s = await TestSocket.connect(t.url, token)
    sockets.push(s)
    return s
  }
  beforeAll(async () => {
    t = await startTestApp()
    tok = await tokensFor(t, 'demo-resident-1', 'demo-officer-1', 'demo-officer-2')
  })
  afterAll(async () => {
    sockets.forEach((s) => s.close())
    await t.close()
  })

  it('a message arrives on the officer’s socket at once; the officer’s ack shows 已送达 on the resident’s', async () => {
    const conv = await openConversation(t, tok['demo-resident-1']!)
    const officer = await connect(tok['demo-officer-1']!)
    const resident = await connect(tok['demo-resident-1']!)
    const stranger = await connect(tok['demo-officer-2']!)
    await Promise.all([officer.next('ready'), resident.next('ready'), stranger.next('ready')])

    const sent = await sendText(t, tok['demo-resident-1']!, conv, '电梯又停了，有老人被困吗？')
    const frame = await officer.next('message', (f) => f.message.id === sent.body.message.id)
    expect(frame.message).toMatchObject({ conversationId: conv, seq: sent.body.message.seq, text: '电梯又停了，有老人被困吗？' })

    officer.send({ type: 'ack', conversationId: conv, seq: frame.message.seq })
    const receipt = await resident.next('receipts', (f) => f.receipts.staffDeliveredSeq >= frame.message.seq)
    expect(receipt.conversationId).toBe(conv)
    officer.send({ type: 'ping' })
    await officer.next('pong')
    // An officer of other buildings hears nothing of it.
    expect(stranger.frames.filter((f) => f.type === 'message')).toEqual([])
  })

  it('no token, a bad token or an expired one: the socket is refused with 4401 and a clear reason', async () => {
    const garbage = await connect('not-a-token')
    expect(await garbage.closed()).toBe(REALTIME_CLOSE_UNAUTHORIZED)
    expect(garbage.frames[0]).toMatchObject({ type: 'error', code: 'unauthenticated' })

    const resident = await t.ds.manager.findOneByOrFail(User, { openid: 'demo-resident-1' })
    const expired = signAccessToken(t.ctx.config.jwtSecret, { id: resident.id, role: 'resident' }, -10)
    const old = await connect(expired)
    expect(await old.closed()).toBe(REALTIME_CLOSE_UNAUTHORIZED)
    expect(old.frames[0]).toMatchObject({ type: 'error', code: 'token_expired', message: '登录已过期，请重新登录' })

    const silent = await connect(null)
    silent.send({ type: 'ping' })
    expect(await silent.closed()).toBe(REALTIME_CLOSE_UNAUTHORIZED)
  })

  it('a socket is closed when its token expires, so the app renews it', async () => {
    const resident = await t.ds.manager.findOneByOrFail(User, { openid: 'demo-resident-1' })
    const short = signAccessToken(t.ctx.config.jwtSecret, { id: resident.id, role: 'resident' }, 1)
    const s = await connect(short)
    await s.next('ready')
    expect(await s.closed(3000)).toBe(REALTIME_CLOSE_UNAUTHORIZED)
    expect(s.frames.at(-1)).toMatchObject({ type: 'error', code: 'token_expired' })
  })
})

describe('two instances joined by Redis', () => {
  let a: TestApp
  let b: Awaited<ReturnType<typeof startPeerInstance>>
  let tok: Record<string, string>
  const prefix = testRedisPrefix()
  beforeAll(async () => {
    a = await startTestApp({ redisUrl: TEST_REDIS_URL, redisPrefix: prefix })
    b = await startPeerInstance(a, { url: TEST_REDIS_URL, prefix })
    tok = await tokensFor(a, 'demo-resident-1', 'demo-officer-1')
  })
  afterAll(async () => {
    await b.close()
    await a.close()
    const redis = new Redis(TEST_REDIS_URL)
    const keys = await redis.keys(`${prefix}*`)
    if (keys.length) await redis.del(...keys)
    await redis.quit()
  })

  it('a message sent through instance A reaches a socket held by instance B, and B’s socket counts as present on A', async () => {
    const conv = await openConversation(a, tok['demo-resident-1']!)
    const onB = await TestSocket.connect(b.url, tok['demo-resident-1']!)
    try {
      await onB.next('ready')
      await a.call('POST', `/api/conversations/${conv}/messages`, {
        token: tok['demo-resident-1'],
        body: { kind: 'text', clientId: 'grant-credit-0001', text: '您好', subscribed: true },
      })
      const sent = await sendText(a, tok['demo-officer-1']!, conv, '您好，我是楼长民警，有事随时找我')
      const frame = await onB.next('message', (f) => f.message.id === sent.body.message.id)
      expect(frame.message.text).toBe('您好，我是楼长民警，有事随时找我')
      // The resident is connected (on B), so A queued no WeChat subscribe message although one was granted.
      const queued = (await a.ds.manager.find(OutboxMessage)).filter((m) => m.dedupeKey.startsWith(`message:${conv}:`))
      expect(queued).toEqual([])
    } finally {
      onB.close()
    }
  })
})
