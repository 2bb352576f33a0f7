import { startTestApp, type TestApp } from '../../test/harness'
import { deliverOutbox } from '../../jobs/outbox-delivery'
import { OutboxMessage } from '../notifications/entities'
import { categoryId, tokensFor } from '../tickets/test-helpers'
import { coverUnanswered } from './cover'
import { messagesOf, openConversation, sendText } from './test-helpers'

let t: TestApp
let tok: Record<string, string>
beforeAll(async () => {
  t = await startTestApp()
  tok = await tokensFor(t, 'demo-resident-1', 'demo-resident-2', 'demo-officer-1', 'demo-dispatcher-2')
})
afterAll(() => t.close())

const detail = async (token: string, id: number) => (await t.call('GET', `/api/conversations/${id}`, { token })).body

describe('the duty desk covers when the officer is away', () => {
  it('an officer on leave: the resident is told at once, the desk has it, and the desk’s reply is labelled', async () => {
    const conv = await openConversation(t, tok['demo-resident-2']!)
    await sendText(t, tok['demo-resident-2']!, conv, '我家门口有陌生人一直在敲门')
    const mine = await messagesOf(t, tok['demo-resident-2']!, conv)
    expect(mine.items.map((m: { side: string }) => m.side)).toEqual(['resident', 'system'])
    expect(mine.items[1].text).toMatch(/民警现在不在岗，您的消息已转给.+值班台，值班民警会尽快回复您/)
    expect((await detail(tok['demo-resident-2']!, conv)).deskCover).toMatchObject({ reason: 'off_duty' })

    const desk = (await t.call('GET', '/api/conversations?filter=desk', { token: tok['demo-dispatcher-2'] })).body.items
    expect(desk.find((c: { id: number }) => c.id === conv)).toMatchObject({
      unread: 1,
      deskCover: { reason: 'off_duty' },
      lastMessage: { side: 'resident', preview: '我家门口有陌生人一直在敲门' },
    })
    expect((await t.call('GET', '/api/messages/unread', { token: tok['demo-dispatcher-2'] })).body.messages).toBeGreaterThanOrEqual(1)

    const reply = await sendText(t, tok['demo-dispatcher-2']!, conv, '您好，我是值班民警，已安排巡逻民警过去查看')
    expect(reply.body.message).toMatchObject({ side: 'desk', label: '值班民警 代回复' })
    const seen = await messagesOf(t, tok['demo-resident-2']!, conv)
    expect(seen.items[2]).toMatchObject({ side: 'desk', label: '值班民警 代回复' })
  })

  it('an officer who does not answer in time: the sweep hands it to the desk once, and the officer’s reply takes it back', async () => {
    const conv = await openConversation(t, tok['demo-resident-1']!)
    await sendText(t, tok['demo-resident-1']!, conv, '小区门口的井盖丢了')
    expect(await coverUnanswered(t.ctx)).toBe(0)
    const start = t.clock.now
    t.clock.now = new Date(start.getTime() + (t.ctx.config.messages.replyMinutes + 1) * 60_000)
    try {
      const [a, b] = await Promise.all([coverUnanswered(t.ctx), coverUnanswered(t.ctx)])
      expect(a + b).toBe(1)
      const d = await detail(tok['demo-resident-1']!, conv)
      expect(d.deskCover).toMatchObject({ reason: 'no_reply' })
      const notes = (await messagesOf(t, tok['demo-resident-1']!, conv)).items.filter((m: { side: string }) => m.side === 'system')
      expect(notes).toHaveLength(1)
      expect(notes[0].text).toContain('民警暂未回复')

      await sendText(t, tok['demo-officer-1']!, conv, '抱歉刚才在出警，马上联系市政')
      const after = await detail(tok['demo-officer-1']!, conv)
      expect(after.deskCover).toBeNull()
      expect(after.awaitingSince).toBeNull()
    } finally {
      t.clock.now = start
    }
  })
})

describe('转为工单', () => {
  it('the officer turns a resident’s message into a hazard ticket the resident follows; twice gives one ticket', async () => {
    const conv = await openConversation(t, tok['demo-resident-1']!)
    const sent = await sendText(t, tok['demo-resident-1']!, conv, '3号楼楼道里堆满了纸箱，堵住了消防通道')
    const fire = await categoryId(t, tok['demo-resident-1']!, 'hazard', '消防安全')
    const body = { seq: sent.body.message.seq, kind: 'hazard', categoryId: fire }
    const first = await t.call('POST', `/api/conversations/${conv}/tickets`, { token: tok['demo-officer-1'], body })
    expect(first.status).toBe(201)
    expect(first.body.message).toMatchObject({ kind: 'ticket', side: 'officer', ticket: { id: first.body.ticket.id } })
    expect(first.body.message.text).toContain(first.body.ticket.number)
    const second = await t.call('POST', `/api/conversations/${conv}/tickets`, { token: tok['demo-officer-1'], body })
    expect(second.body.ticket.id).toBe(first.body.ticket.id)
    expect(second.body.message.id).toBe(first.body.message.id)

    const mine = (await t.call('GET', '/api/tickets/mine', { token: tok['demo-resident-1'] })).body.items
    expect(mine.find((x: { id: number }) => x.id === first.body.ticket.id)).toMatchObject({ kind: 'hazard' })
    const ticket = (await t.call('GET', `/api/tickets/${first.body.ticket.id}`, { token: tok['demo-resident-1'] })).body
    expect(ticket.description).toBe('3号楼楼道里堆满了纸箱，堵住了消防通道')

    const own = await sendText(t, tok['demo-officer-1']!, conv, '我来处理')
    const refused = await t.call('POST', `/api/conversations/${conv}/tickets`, {
      token: tok['demo-officer-1'],
      body: { ...body, seq: own.body.message.seq },
    })
    expect(refused.status).toBe(400)
    expect((await t.call('POST', `/api/conversations/${conv}/tickets`, { token: tok['demo-resident-1'], body })).status).toBe(403)
  })
})

describe('新消息提醒 through WeChat when the recipient is away', () => {
  it('one subscribe message per throttle window, only if the resident granted one, delivered through the stand-in', async () => {
    const conv = await openConversation(t, tok['demo-resident-1']!)
    const outbox = async () => (await t.ds.manager.find(OutboxMessage)).filter((m) => String(m.dedupeKey).startsWith(`message:${conv}:`))
    await sendText(t, tok['demo-officer-1']!, conv, '在吗？')
    expect(await outbox()).toHaveLength(0)

    await sendText(t, tok['demo-resident-1']!, conv, '在的', { subscribed: true })
    await sendText(t, tok['demo-officer-1']!, conv, '明天上午九点上门')
    await sendText(t, tok['demo-officer-1']!, conv, '请家里留人')
    const rows = await outbox()
    expect(rows).toHaveLength(1)
    expect(rows[0]!.payload).toMatchObject({ type: 'message', preview: '明天上午九点上门' })

    await deliverOutbox(t.ctx)
    const delivered = (await (await fetch(`${t.standin.url}/dev/subscribe-messages`)).json()) as {
      items: Array<{ template_id: string; page: string; data: Record<string, { value: string }> }>
    }
    const last = delivered.items.at(-1)
    expect(last).toMatchObject({ template_id: t.ctx.config.wechat.templates.message, page: `pages/chat/index?id=${conv}` })
    expect(last?.data.thing2?.value).toBe('明天上午九点上门')
  })
})
