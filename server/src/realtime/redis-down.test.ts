import type Redis from 'ioredis'
import { createLogger } from '../lib/logger'
import { openConversation, sendText, TestSocket } from '../modules/messages/test-helpers'
import { OutboxMessage } from '../modules/notifications/entities'
import { tokensFor } from '../modules/tickets/test-helpers'
import { User } from '../modules/users/entities'
import { callAt, startPeerInstance, startTestApp, type TestApp } from '../test/harness'
import { startOwnRedis, TEST_REDIS_URL, testRedisPrefix, type OwnRedis } from '../test/redis'
import { RedisBus } from './bus'

describe('two instances when Redis goes away and comes back', () => {
  const prefix = testRedisPrefix()
  let redis: OwnRedis
  let a: TestApp
  let b: Awaited<ReturnType<typeof startPeerInstance>>
  let tok: Record<string, string>
  const sockets: TestSocket[] = []

  beforeAll(async () => {
    redis = await startOwnRedis()
    a = await startTestApp({ redisUrl: redis.url, redisPrefix: prefix })
    b = await startPeerInstance(a, { url: redis.url, prefix })
    tok = await tokensFor(a, 'demo-resident-1', 'demo-officer-1')
  })
  afterAll(async () => {
    sockets.forEach((s) => s.close())
    await b.close()
    await a.close()
    await redis.stop()
  })

  it('clients are told (degraded, then resumed), sends keep working, reminders still go out, and the gap is fetched after the last seq', async () => {
    const conv = await openConversation(a, tok['demo-resident-1']!)
    const resident = await a.ds.manager.findOneByOrFail(User, { openid: 'demo-resident-1' })
    const officer = await a.ds.manager.findOneByOrFail(User, { openid: 'demo-officer-1' })
    // The resident grants one 新消息提醒 (WeChat subscribe message) with a first message.
    const first = await sendText(a, tok['demo-resident-1']!, conv, '您好，想问下楼道灯的事', { subscribed: true })
    expect(first.status).toBe(201)

    const residentOnA = await TestSocket.connect(a.url, tok['demo-resident-1']!)
    const officerOnB = await TestSocket.connect(b.url, tok['demo-officer-1']!)
    sockets.push(residentOnA, officerOnB)
    await Promise.all([residentOnA.next('ready'), officerOnB.next('ready')])
    expect(a.ctx.realtime.status()).toBe('up')
    expect(await a.ctx.realtime.ping()).toBe('ok')
    const officerLastSeq = first.body.message.seq as number

    await redis.stop()
    await Promise.all([residentOnA.next('degraded'), officerOnB.next('degraded')])
    expect(a.ctx.realtime.status()).toBe('down')
    expect(await a.ctx.realtime.ping()).toBe('down')

    // Sends succeed meanwhile, and a socket on the same instance still hears them at once.
    const missed: number[] = []
    for (const text of ['灯还是不亮', '晚上很黑，老人下楼不方便', '麻烦尽快处理']) {
      const res = await sendText(a, tok['demo-resident-1']!, conv, text)
      expect(res.status).toBe(201)
      missed.push(res.body.message.seq)
      await residentOnA.next('message', (f) => f.message.seq === res.body.message.seq)
    }
    // Presence cannot be asked across instances: the officer (on B) counts as away on A, the
    // resident (on A) as away on B, so B's reply still goes out as a WeChat reminder.
    expect([...(await a.ctx.realtime.presence.online([resident.id, officer.id]))]).toEqual([resident.id])
    const reply = await sendText({ ...a, url: b.url, call: callAt(b.url) }, tok['demo-officer-1']!, conv, '收到，明天上午安排物业更换')
    expect(reply.status).toBe(201)
    await officerOnB.next('message', (f) => f.message.id === reply.body.message.id)
    const reminders = await a.ds.manager.findBy(OutboxMessage, { dedupeKey: `message:${conv}:${reply.body.message.seq}` })
    expect(reminders.map((r) => r.recipientUserId)).toEqual([resident.id])
    // Nothing was lost in the database.
    const stored = await a.call('GET', `/api/conversations/${conv}/messages`, { token: tok['demo-resident-1'] })
    expect(stored.body.items.map((m: { text: string }) => m.text)).toEqual(
      expect.arrayContaining(['灯还是不亮', '晚上很黑，老人下楼不方便', '麻烦尽快处理', '收到，明天上午安排物业更换']),
    )

    await redis.start()
    await Promise.all([residentOnA.next('resumed', undefined, 15_000), officerOnB.next('resumed', undefined, 15_000)])
    expect(a.ctx.realtime.status()).toBe('up')
    // The officer's app fetches after the last seq it had: the resident's messages it missed are there.
    const gap = await a.call('GET', `/api/conversations/${conv}/messages?afterSeq=${officerLastSeq}`, { token: tok['demo-officer-1'] })
    expect(gap.status).toBe(200)
    expect(gap.body.items.map((m: { seq: number }) => m.seq)).toEqual(expect.arrayContaining(missed))
    // And frames cross instances again.
    const after = await sendText(a, tok['demo-resident-1']!, conv, '好的，谢谢')
    await officerOnB.next('message', (f) => f.message.id === after.body.message.id)
  })
})

describe('the Redis bus with only its publishing link down', () => {
  it('still hands this instance’s frames to its own sockets, and says it is degraded', async () => {
    const bus = new RedisBus(TEST_REDIS_URL, testRedisPrefix(), createLogger('silent'))
    await bus.ready()
    const delivered: string[] = []
    bus.onDelivery((_topics, frameJson) => delivered.push(frameJson))
    try {
      ;(bus as unknown as { pub: Redis }).pub.disconnect()
      for (let i = 0; i < 250 && bus.status() !== 'down'; i++) await new Promise((r) => setTimeout(r, 20))
      expect(bus.status()).toBe('down')
      await bus.publish(['user:1'], '{"type":"conversation","conversationId":7}')
      expect(delivered).toEqual(['{"type":"conversation","conversationId":7}'])
    } finally {
      await bus.close()
    }
  })
})
