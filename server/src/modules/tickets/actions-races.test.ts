import { randomUUID } from 'node:crypto'
import { startTestApp, type TestApp } from '../../test/harness'
import { TicketEvent, TicketWhistle } from './entities'
import { categoryId, report, tokensFor } from './test-helpers'

/**
 * Two people (or two phones) taking the same once-only action at once, each with its own
 * clientKey: one statement decides, so exactly one is written and the others hear the same 409
 * the second of two taps in a row would.
 */
let t: TestApp
let tok: Record<string, string>
let fire: number
beforeAll(async () => {
  t = await startTestApp()
  tok = await tokensFor(t, 'demo-resident-1', 'demo-dispatcher-1')
  fire = await categoryId(t, tok['demo-resident-1']!, 'hazard', '消防安全')
})
afterAll(() => t.close())

const post = (token: string, id: number, body: Record<string, unknown>) => t.call('POST', `/api/tickets/${id}/actions`, { token, body })
const COPIES = 6

describe('once-only ticket actions sent at once with different client keys', () => {
  it('吹哨 to one department: one call is written, the others answer 409 已向…吹哨', async () => {
    const { ticket } = await report(t, tok['demo-resident-1']!, fire)
    const desk = tok['demo-dispatcher-1']!
    const department = (await t.call('GET', '/api/departments', { token: desk })).body.items[0]
    const answers = await Promise.all(
      Array.from({ length: COPIES }, () =>
        post(desk, ticket.id, { action: 'whistle', clientKey: randomUUID(), departmentId: department.id, note: '请协助检查' }),
      ),
    )
    expect(answers.map((a) => a.status).sort()).toEqual([200, ...Array(COPIES - 1).fill(409)])
    for (const refused of answers.filter((a) => a.status === 409)) {
      expect(refused.body.error).toMatchObject({ code: 'conflict', message: `已向${department.name}吹哨` })
    }
    expect(await t.ds.manager.countBy(TicketWhistle, { ticketId: ticket.id })).toBe(1)
    expect(await t.ds.manager.countBy(TicketEvent, { ticketId: ticket.id, action: 'whistle' })).toBe(1)
  })

  it('催办 by the resident: one urge is written, the others answer 409 您今天已经催办过', async () => {
    const { ticket } = await report(t, tok['demo-resident-1']!, fire)
    const answers = await Promise.all(
      Array.from({ length: COPIES }, () => post(tok['demo-resident-1']!, ticket.id, { action: 'urge', clientKey: randomUUID() })),
    )
    expect(answers.map((a) => a.status).sort()).toEqual([200, ...Array(COPIES - 1).fill(409)])
    for (const refused of answers.filter((a) => a.status === 409)) {
      expect(refused.body.error).toMatchObject({ code: 'conflict', message: '您今天已经催办过，民警会尽快处理' })
    }
    expect(await t.ds.manager.countBy(TicketEvent, { ticketId: ticket.id, action: 'urge' })).toBe(1)
  })

  it('部门报到 and its 反馈 recorded at once: each is written once, the others answer 409', async () => {
    const { ticket } = await report(t, tok['demo-resident-1']!, fire)
    const desk = tok['demo-dispatcher-1']!
    const department = (await t.call('GET', '/api/departments', { token: desk })).body.items[0]
    const called = await post(desk, ticket.id, { action: 'whistle', clientKey: randomUUID(), departmentId: department.id })
    const whistleId = called.body.whistles[0].id
    const reportIns = await Promise.all(
      Array.from({ length: COPIES }, () => post(desk, ticket.id, { action: 'report_in', clientKey: randomUUID(), whistleId })),
    )
    expect(reportIns.map((a) => a.status).sort()).toEqual([200, ...Array(COPIES - 1).fill(409)])
    expect(reportIns.find((a) => a.status === 409)!.body.error.message).toBe(`${department.name}已报到`)
    const responses = await Promise.all(
      ['已上门检查', '灭火器已更换', '已通知物业'].map((response) =>
        post(desk, ticket.id, { action: 'report_in', clientKey: randomUUID(), whistleId, response }),
      ),
    )
    expect(responses.map((a) => a.status).sort()).toEqual([200, 409, 409])
    expect(responses.find((a) => a.status === 409)!.body.error.message).toBe(`${department.name}已反馈`)
    expect(await t.ds.manager.countBy(TicketEvent, { ticketId: ticket.id, action: 'report_in' })).toBe(2)
    const stored = await t.ds.manager.findOneByOrFail(TicketWhistle, { id: whistleId })
    expect(stored.response).toBe(responses.find((a) => a.status === 200)!.body.whistles[0].response)
  })

  it('催办 again is refused within 24 hours and accepted after them', async () => {
    const { ticket } = await report(t, tok['demo-resident-1']!, fire)
    const urge = () => post(tok['demo-resident-1']!, ticket.id, { action: 'urge', clientKey: randomUUID() })
    expect((await urge()).status).toBe(200)
    const start = t.clock.now
    try {
      t.clock.now = new Date(start.getTime() + 23 * 3600_000)
      expect((await urge()).status).toBe(409)
      t.clock.now = new Date(start.getTime() + 24 * 3600_000 + 1000)
      expect((await urge()).status).toBe(200)
    } finally {
      t.clock.now = start
    }
    expect(await t.ds.manager.countBy(TicketEvent, { ticketId: ticket.id, action: 'urge' })).toBe(2)
  })
})
