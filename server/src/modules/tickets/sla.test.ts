import { startTestApp, type TestApp } from '../../test/harness'
import { openDatabase } from '../../db/data-source'
import { runSlaSweep } from './sla-sweep'
import { DeskAlert, Ticket, TicketEvent } from './entities'
import { act, categoryId, report, tokensFor } from './test-helpers'

let t: TestApp
let tok: Record<string, string>
let fire: number
beforeAll(async () => {
  t = await startTestApp()
  tok = await tokensFor(t, 'demo-resident-1', 'demo-officer-1', 'demo-dispatcher-1')
  fire = await categoryId(t, tok['demo-resident-1']!, 'hazard', '消防安全')
})
afterAll(() => t.close())

const minutes = (n: number) => (t.clock.now = new Date(t.clock.now.getTime() + n * 60_000))

describe('SLA: pre-warning, then escalation and a duty-desk alert', () => {
  it('warns at 80 % of the time to accept, escalates once when it passes, and the desk sees it overdue first', async () => {
    const { ticket } = await report(t, tok['demo-resident-1']!, fire) // 消防安全: accept within 30 minutes
    minutes(25)
    await runSlaSweep(t.ctx)
    let row = await t.ds.manager.findOneByOrFail(Ticket, { id: ticket.id })
    expect(row.slaLevel).toBe(1)
    const warning = (await t.call('GET', '/api/workbench?tab=warning', { token: tok['demo-officer-1'] })).body
    expect(warning.items.map((i: { id: number }) => i.id)).toContain(ticket.id)
    expect(warning.items.find((i: { id: number }) => i.id === ticket.id).sla).toBe('warning')

    minutes(6)
    await runSlaSweep(t.ctx)
    await runSlaSweep(t.ctx)
    row = await t.ds.manager.findOneByOrFail(Ticket, { id: ticket.id })
    expect(row).toMatchObject({ slaLevel: 2, level: 'community', status: 'submitted' })
    expect(await t.ds.manager.countBy(TicketEvent, { ticketId: ticket.id, action: 'escalate' })).toBe(1)
    const kinds = (await t.ds.manager.findBy(DeskAlert, { ticketId: ticket.id })).map((a) => a.kind).sort()
    // 消防安全 also alerts the desk the moment it is reported (its routing rule).
    expect(kinds).toEqual(['category', 'escalated', 'sla_breach', 'sla_warning'])

    const alerts = (await t.call('GET', '/api/desk/alerts', { token: tok['demo-dispatcher-1'] })).body
    expect(
      alerts.items.filter((a: { ticket: { id: number } }) => a.ticket.id === ticket.id).map((a: { kind: string }) => a.kind),
    ).toContain('sla_breach')
    const all = (await t.call('GET', '/api/workbench?view=scope&tab=all', { token: tok['demo-dispatcher-1'] })).body
    expect(all.items[0].sla).toBe('overdue')
    expect(all.counts.overdue).toBeGreaterThanOrEqual(1)

    const seen = (await t.call('GET', `/api/tickets/${ticket.id}`, { token: tok['demo-resident-1'] })).body
    expect(seen.timeline.at(-1).note).toMatch(/^超过受理时限，自动升级至社区级办理/)
  })

  it('with two server instances sweeping at once, nothing is escalated twice', async () => {
    const ids: number[] = []
    for (let i = 0; i < 6; i++) ids.push((await report(t, tok['demo-resident-1']!, fire)).ticket.id)
    minutes(40)
    // On MariaDB the second instance has its own connection pool, as a second server would. SQLite
    // is a single-instance deployment (one writer; better-sqlite3 blocks the thread while it waits),
    // so there the two sweeps share the connection and still race transaction by transaction.
    const secondDs = process.env.TEST_DATABASE_URL ? await openDatabase(t.ctx.config.database) : t.ds
    const second = { ...t.ctx, ds: secondDs }
    try {
      const [a, b] = await Promise.all([runSlaSweep(t.ctx), runSlaSweep(second)])
      const [c, d] = await Promise.all([runSlaSweep(t.ctx), runSlaSweep(second)])
      expect(a.escalated + b.escalated + c.escalated + d.escalated).toBe(ids.length)
    } finally {
      if (secondDs !== t.ds) await secondDs.destroy()
    }
    for (const id of ids) {
      expect(await t.ds.manager.countBy(TicketEvent, { ticketId: id, action: 'escalate' })).toBe(1)
      expect(await t.ds.manager.countBy(DeskAlert, { ticketId: id, kind: 'sla_breach' })).toBe(1)
    }
  })

  it('after acceptance the resolve deadline applies; resolving in time counts as on time', async () => {
    const { ticket } = await report(t, tok['demo-resident-1']!, fire)
    await act(t, tok['demo-officer-1']!, ticket.id, { action: 'accept' })
    minutes(60) // far past the accept deadline, well within the 24 hours to resolve
    await runSlaSweep(t.ctx)
    expect((await t.ds.manager.findOneByOrFail(Ticket, { id: ticket.id })).slaLevel).toBe(0)
    await act(t, tok['demo-officer-1']!, ticket.id, { action: 'resolve', result: '已处理' })
    expect((await t.ds.manager.findOneByOrFail(Ticket, { id: ticket.id })).onTime).toBe(true)
  })
})

describe('after resolving', () => {
  it('the resident may reopen within 7 days, not after; unrated tickets close themselves after 7 days', async () => {
    const officer = tok['demo-officer-1']!
    const resident = tok['demo-resident-1']!
    const { ticket } = await report(t, resident, fire)
    await act(t, officer, ticket.id, { action: 'accept' })
    await act(t, officer, ticket.id, { action: 'resolve', result: '已清理' })
    minutes(3 * 24 * 60)
    const reopened = await act(t, resident, ticket.id, { action: 'reopen', reason: '杂物又堆回来了' })
    expect(reopened.body).toMatchObject({ status: 'in_progress' })
    expect(await t.ds.manager.countBy(DeskAlert, { ticketId: ticket.id, kind: 'dissatisfied' })).toBe(1)
    await act(t, officer, ticket.id, { action: 'resolve', result: '已督促住户清走，并张贴提示' })
    minutes(7 * 24 * 60 + 1)
    const late = await act(t, resident, ticket.id, { action: 'reopen', reason: '还是没有解决' })
    expect(late.status).toBe(409)
    expect(late.body.error.message).toMatch(/超过 7 天/)
    await runSlaSweep(t.ctx)
    const closed = (await t.call('GET', `/api/tickets/${ticket.id}`, { token: resident })).body
    expect(closed.status).toBe('closed')
    expect(closed.timeline.at(-1)).toMatchObject({ action: 'auto_close', actorText: '系统' })
  })
})
