import { startTestApp, type TestApp } from '../../test/harness'
import { DeskAlert, Ticket, TicketEvent } from './entities'
import { categoryId, homeBuildingId, reportBody, tokensFor } from './test-helpers'

/** The shared emergency guard as the server applies it on submit: the 110 prompt, the urgent flag, the desk alert. */
let t: TestApp
let token: string
let body: (description: string) => Promise<ReturnType<typeof reportBody>>
beforeAll(async () => {
  t = await startTestApp()
  token = (await tokensFor(t, 'demo-resident-1'))['demo-resident-1']!
  const fire = await categoryId(t, token, 'hazard', '消防安全')
  const buildingId = await homeBuildingId(t, token)
  body = async (description) => reportBody(fire, { description, location: { type: 'building', buildingId } })
})
afterAll(() => t.close())

describe('the emergency guard on submit', () => {
  it('担心起火 is a risk, not a fire: filed at once, not urgent, no desk alert', async () => {
    const res = await t.call('POST', '/api/tickets', { token, body: await body('楼道堆满杂物，担心起火') })
    expect(res.status).toBe(201)
    expect(res.body.ticket.urgent).toBe(false)
    expect(await t.ds.manager.countBy(DeskAlert, { ticketId: res.body.ticket.id, kind: 'urgent' })).toBe(0)
  })

  it('有人拿着刀在楼道里追人 asks for 110 first, naming the danger; submitted anyway it is urgent and keeps the kind', async () => {
    const report = await body('有人拿着刀在楼道里追人')
    const first = await t.call('POST', '/api/tickets', { token, body: report })
    expect(first.status).toBe(409)
    expect(first.body.error).toEqual({
      code: 'emergency_confirm_required',
      message: '您描述的情况可能正在发生危险（有人持刀械），请立即拨打110',
      details: { signals: ['有人持刀械'], kinds: ['weapon'] },
    })
    expect(await t.ds.manager.countBy(Ticket, { clientKey: report.clientKey })).toBe(0)

    const second = await t.call('POST', '/api/tickets', { token, body: { ...report, emergencyAcknowledged: true } })
    expect(second.status).toBe(201)
    expect(second.body.ticket.urgent).toBe(true)
    expect(await t.ds.manager.countBy(DeskAlert, { ticketId: second.body.ticket.id, kind: 'urgent' })).toBe(1)
    const submitted = await t.ds.manager.findOneByOrFail(TicketEvent, { ticketId: second.body.ticket.id, action: 'submit' })
    expect(submitted.detail).toEqual({ emergency: 'weapon' })
  })

  it.each([
    ['有人在楼道里打架', ['有人打架或伤人']],
    ['煤气味很重，好像漏气了', ['燃气泄漏']],
    ['有小偷正在撬隔壁的门', ['有人撬门入室']],
  ])('%s is an emergency', async (description, signals) => {
    const res = await t.call('POST', '/api/tickets', { token, body: await body(description) })
    expect(res.status).toBe(409)
    expect(res.body.error.details.signals).toEqual(signals)
  })
})
