import { randomUUID } from 'node:crypto'
import { startTestApp, type TestApp } from '../../test/harness'
import { AuditLog } from '../audit/entities'
import { TicketEvent, TicketWhistle } from './entities'
import { categoryId, report, tokensFor } from './test-helpers'

/**
 * A flaky network retries: every ticket action carries the app's clientKey, made once per tap,
 * and a retry — or two copies at once — is answered with the ticket as it is, writing nothing again.
 */
let t: TestApp
let tok: Record<string, string>
let fire: number
beforeAll(async () => {
  t = await startTestApp()
  tok = await tokensFor(t, 'demo-resident-1', 'demo-resident-2', 'demo-officer-1', 'demo-dispatcher-1')
  fire = await categoryId(t, tok['demo-resident-1']!, 'hazard', '消防安全')
})
afterAll(() => t.close())

const post = (token: string, id: number, body: Record<string, unknown>) => t.call('POST', `/api/tickets/${id}/actions`, { token, body })
const events = (ticketId: number, action: string) => t.ds.manager.countBy(TicketEvent, { ticketId, action })

describe('ticket actions are idempotent on the clientKey', () => {
  it('a retried note is stored once and both answers are equal', async () => {
    const { ticket } = await report(t, tok['demo-resident-1']!, fire)
    const officer = tok['demo-officer-1']!
    const body = { action: 'note', clientKey: randomUUID(), text: '已联系物业，明天上午清理', visibility: 'public' }
    const first = await post(officer, ticket.id, body)
    const retry = await post(officer, ticket.id, body)
    expect([first.status, retry.status]).toEqual([200, 200])
    expect(retry.body).toEqual(first.body)
    expect(await events(ticket.id, 'note')).toBe(1)
  })

  it('two copies of the same note at once write one event, and both are answered 200', async () => {
    const { ticket } = await report(t, tok['demo-resident-1']!, fire)
    const body = { action: 'note', clientKey: randomUUID(), text: '内部：先核实是否为违规停放', visibility: 'internal' }
    const answers = await Promise.all([1, 2, 3].map(() => post(tok['demo-officer-1']!, ticket.id, body)))
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200])
    expect(await events(ticket.id, 'note')).toBe(1)
  })

  it('a replayed accept answers 200 with the ticket as it is; a new accept with another key is still 409', async () => {
    const { ticket } = await report(t, tok['demo-resident-1']!, fire)
    const officer = tok['demo-officer-1']!
    const accept = { action: 'accept', clientKey: randomUUID() }
    const first = await post(officer, ticket.id, accept)
    expect(first.status).toBe(200)
    await post(officer, ticket.id, { action: 'note', clientKey: randomUUID(), text: '正在联系居民', visibility: 'public' })
    const replay = await post(officer, ticket.id, accept)
    expect(replay.status).toBe(200)
    expect(replay.body).toMatchObject({ status: 'accepted' })
    expect(replay.body.timeline.map((e: { action: string }) => e.action)).toEqual(['submit', 'accept', 'note'])
    const fresh = await post(officer, ticket.id, { action: 'accept', clientKey: randomUUID() })
    expect(fresh.status).toBe(409)
    expect(fresh.body.error.code).toBe('conflict')
    expect(await events(ticket.id, 'accept')).toBe(1)
    expect(await t.ds.manager.countBy(AuditLog, { targetType: 'ticket', targetId: String(ticket.id), action: 'ticket.accept' })).toBe(1)
  })

  it('two copies of the same accept at once: one accept, both answered 200', async () => {
    const { ticket } = await report(t, tok['demo-resident-1']!, fire)
    const accept = { action: 'accept', clientKey: randomUUID() }
    const answers = await Promise.all([1, 2].map(() => post(tok['demo-officer-1']!, ticket.id, accept)))
    expect(answers.map((a) => a.status)).toEqual([200, 200])
    expect(answers.map((a) => a.body.status)).toEqual(['accepted', 'accepted'])
    expect(await events(ticket.id, 'accept')).toBe(1)
  })

  it('a retried whistle calls the department once and answers 200, not 已向…吹哨', async () => {
    const { ticket } = await report(t, tok['demo-resident-2']!, fire)
    const desk = tok['demo-dispatcher-1']!
    const department = (await t.call('GET', '/api/departments', { token: desk })).body.items[0]
    const body = { action: 'whistle', clientKey: randomUUID(), departmentId: department.id, note: '请协助检查' }
    const answers = await Promise.all([post(desk, ticket.id, body), post(desk, ticket.id, body)])
    const later = await post(desk, ticket.id, body)
    expect([...answers, later].map((a) => a.status)).toEqual([200, 200, 200])
    expect(later.body.whistles).toHaveLength(1)
    expect(await t.ds.manager.countBy(TicketWhistle, { ticketId: ticket.id })).toBe(1)
    expect(await events(ticket.id, 'whistle')).toBe(1)
  })

  it('a retried urge answers 200 instead of 您今天已经催办过', async () => {
    const { ticket } = await report(t, tok['demo-resident-1']!, fire)
    const body = { action: 'urge', clientKey: randomUUID() }
    const first = await post(tok['demo-resident-1']!, ticket.id, body)
    const retry = await post(tok['demo-resident-1']!, ticket.id, body)
    expect([first.status, retry.status]).toEqual([200, 200])
    expect(await events(ticket.id, 'urge')).toBe(1)
  })

  it('an action without a clientKey, or with a malformed one, is refused and changes nothing', async () => {
    const { ticket } = await report(t, tok['demo-resident-1']!, fire)
    for (const clientKey of [undefined, 'retry-1']) {
      const res = await post(tok['demo-officer-1']!, ticket.id, { action: 'note', clientKey, text: '无编号', visibility: 'public' })
      expect(res.status).toBe(400)
      expect(res.body.error.code).toBe('validation_failed')
      expect(res.body.error.message).toMatch(/[\u4e00-\u9fa5]/)
    }
    expect(await events(ticket.id, 'note')).toBe(0)
  })

  it('a key already used by someone else on the ticket is a 409, not their result', async () => {
    const { ticket } = await report(t, tok['demo-resident-1']!, fire)
    const clientKey = randomUUID()
    expect(
      (await post(tok['demo-officer-1']!, ticket.id, { action: 'note', clientKey, text: '内部备注', visibility: 'internal' })).status,
    ).toBe(200)
    const other = await post(tok['demo-resident-1']!, ticket.id, { action: 'urge', clientKey })
    expect(other.status).toBe(409)
    expect(other.body.error.code).toBe('conflict')
    expect(await events(ticket.id, 'urge')).toBe(0)
  })
})
