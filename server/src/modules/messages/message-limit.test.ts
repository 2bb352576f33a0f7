import { randomUUID } from 'node:crypto'
import { startTestApp, startTwoInstances, type TestApp } from '../../test/harness'
import { requestFrom } from '../../test/request-from'
import { OutboxMessage } from '../notifications/entities'
import { Message } from './entities'
import { openConversation } from './test-helpers'

const send = (baseUrl: string, token: string, conversationId: number, clientId = randomUUID()) =>
  requestFrom(baseUrl, 'POST', `/api/conversations/${conversationId}/messages`, {
    token,
    body: { kind: 'text', clientId, text: '楼下有车一直堵着消防通道' },
  })

const residentMessages = (t: TestApp, conversationId: number) => t.ds.manager.countBy(Message, { conversationId, side: 'resident' })

describe('the message limit (30 a minute) under concurrency', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp()
  })
  afterAll(() => t.close())

  it('50 messages at once: 30 are stored, 20 get 429 with Retry-After; a retry of a stored one still answers', async () => {
    const me = await t.loginAs('demo-resident-5')
    const conv = await openConversation(t, me.accessToken)
    const ids = Array.from({ length: 50 }, () => randomUUID())
    const burst = await Promise.all(ids.map((id) => send(t.url, me.accessToken, conv, id)))
    const refused = burst.filter((r) => r.status === 429)
    expect(burst.filter((r) => r.status === 201).length).toBe(30)
    expect(refused.length).toBe(20)
    for (const r of refused) {
      expect(r.body.error).toMatchObject({ code: 'rate_limited', message: '发送太频繁，请稍等一分钟再发' })
      expect(Number(r.retryAfter)).toBeGreaterThanOrEqual(1)
      expect(Number(r.retryAfter)).toBeLessThanOrEqual(60)
    }
    expect(await residentMessages(t, conv)).toBe(30)
    // The app retries a send whose answer it lost: that is the first message again, not a new one.
    const stored = ids[burst.findIndex((r) => r.status === 201)]!
    const retry = await send(t.url, me.accessToken, conv, stored)
    expect(retry.status).toBe(201)
    expect(retry.body.replayed).toBe(true)
    expect(await residentMessages(t, conv)).toBe(30)
  })
})

describe('the 新消息提醒 throttle (one per conversation and side in 15 minutes) under concurrency', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp()
  })
  afterAll(() => t.close())

  it('5 officer replies at once to an away resident who granted 3 reminders: exactly one is queued', async () => {
    const resident = await t.loginAs('demo-resident-1')
    const officer = await t.loginAs('demo-officer-1')
    const conv = await openConversation(t, resident.accessToken)
    for (let i = 0; i < 3; i++) {
      const granted = await requestFrom(t.url, 'POST', `/api/conversations/${conv}/messages`, {
        token: resident.accessToken,
        body: { kind: 'text', clientId: randomUUID(), text: `第${i + 1}条`, subscribed: true },
      })
      expect(granted.status).toBe(201)
    }
    const replies = await Promise.all(Array.from({ length: 5 }, () => send(t.url, officer.accessToken, conv)))
    expect(replies.every((r) => r.status === 201)).toBe(true)
    const queued = (await t.ds.manager.find(OutboxMessage)).filter(
      (m) => m.recipientUserId === resident.user.id && String(m.dedupeKey).startsWith(`message:${conv}:`),
    )
    expect(queued.length).toBe(1)
  })
})

describe('with two instances sharing Redis', () => {
  let both: Awaited<ReturnType<typeof startTwoInstances>>
  beforeAll(async () => {
    both = await startTwoInstances()
  })
  afterAll(() => both.close())

  it('the limit is one count across both: 25 + 25 at once store exactly 30', async () => {
    const { first: t, peer } = both
    const me = await t.loginAs('demo-resident-5')
    const conv = await openConversation(t, me.accessToken)
    const burst = await Promise.all(Array.from({ length: 50 }, (_, i) => send(i % 2 ? peer.url : t.url, me.accessToken, conv)))
    expect(burst.filter((r) => r.status === 201).length).toBe(30)
    expect(burst.filter((r) => r.status === 429).length).toBe(20)
    expect(await residentMessages(t, conv)).toBe(30)
  })
})
