import sharp from 'sharp'
import { startTestApp, type TestApp } from '../../test/harness'
import { deliverOutbox } from '../../jobs/outbox-delivery'
import { User } from '../users/entities'
import { DeskAlert, Ticket, TicketEvent } from './entities'
import { act, categoryId, homeBuildingId, report, reportBody, tokensFor, uploadPhoto } from './test-helpers'

let t: TestApp
let tok: Record<string, string>
let fire: number
beforeAll(async () => {
  t = await startTestApp()
  tok = await tokensFor(t, 'demo-resident-1', 'demo-resident-2', 'demo-resident-5', 'demo-officer-1', 'demo-officer-3', 'demo-dispatcher-1')
  fire = await categoryId(t, tok['demo-resident-1']!, 'hazard', '消防安全')
})
afterAll(() => t.close())

const png = () =>
  sharp({ create: { width: 64, height: 48, channels: 3, background: '#c33' } })
    .png()
    .toBuffer()

describe('the closed loop: report → accept → resolve → rate', () => {
  it('a resident reports a hazard with a photo; the building officer on duty has it, and the receipt says so', async () => {
    const photo = await uploadPhoto(t, tok['demo-resident-1']!, await png())
    expect(photo.status).toBe(201)
    const { ticket, receipt, replayed } = await report(t, tok['demo-resident-1']!, fire, { photoIds: [photo.body.id] })
    expect(replayed).toBe(false)
    expect(ticket.number).toMatch(/^AJ\d{8}-\d{6}$/)
    expect(receipt).toMatchObject({ number: ticket.number, unitName: '幸福路派出所' })
    expect(receipt.officerName).toBeTruthy()
    expect(new Date(receipt.expectedAcceptBy!).getTime() - new Date(receipt.submittedAt!).getTime()).toBe(30 * 60_000)
    expect(ticket.status).toBe('submitted')
    expect(ticket.actions).toEqual(['withdraw', 'urge'])
    const detail = (await t.call('GET', `/api/tickets/${ticket.id}`, { token: tok['demo-resident-1'] })).body
    expect(detail.photos).toHaveLength(1)
    expect(detail.handler.name).toBe(receipt.officerName)
    expect(detail.timeline.map((e: { action: string }) => e.action)).toEqual(['submit'])
  })

  it('the officer accepts, notes internally, resolves with a public note; the resident sees only the public timeline, rates, and it closes', async () => {
    const { ticket } = await report(t, tok['demo-resident-1']!, fire)
    const officer = tok['demo-officer-1']!
    const accepted = await act(t, officer, ticket.id, { action: 'accept' })
    expect(accepted.status).toBe(200)
    expect(accepted.body.status).toBe('accepted')
    await act(t, officer, ticket.id, { action: 'note', text: '联系物业核实，疑似3楼住户堆放', visibility: 'internal' })
    await act(t, officer, ticket.id, { action: 'note', text: '已通知物业清理，今天下午上门查看', visibility: 'public' })
    const resolved = await act(t, officer, ticket.id, { action: 'resolve', result: '杂物已清理，消防通道已畅通' })
    expect(resolved.body).toMatchObject({ status: 'resolved', resolution: '杂物已清理，消防通道已畅通' })
    expect(resolved.body.timeline.some((e: { visibility: string }) => e.visibility === 'internal')).toBe(true)

    const seen = (await t.call('GET', `/api/tickets/${ticket.id}`, { token: tok['demo-resident-1'] })).body
    expect(seen.timeline.map((e: { action: string }) => e.action)).toEqual(['submit', 'accept', 'note', 'resolve'])
    expect(seen.timeline.map((e: { note: string }) => e.note)).not.toContain('联系物业核实，疑似3楼住户堆放')
    expect(seen.actions).toEqual(['reopen', 'rate'])
    expect(seen.reopenUntil).not.toBeNull()

    const rated = await act(t, tok['demo-resident-1']!, ticket.id, { action: 'rate', rating: 'satisfied', comment: '民警很负责' })
    expect(rated.body).toMatchObject({ status: 'closed', rating: 'satisfied', ratingComment: '民警很负责', actions: [] })
  })

  it('sends the subscribe messages the resident accepted, through WeChat, and stores the delivery', async () => {
    const { ticket } = await report(t, tok['demo-resident-1']!, fire, { subscribed: ['accepted'] })
    await act(t, tok['demo-officer-1']!, ticket.id, { action: 'accept' })
    await act(t, tok['demo-officer-1']!, ticket.id, { action: 'resolve', result: '已处理' })
    const result = await deliverOutbox(t.ctx)
    expect(result.sent).toBeGreaterThanOrEqual(1)
    type Sent = { page: string; data: Record<string, { value: string }> }
    const sent = (await (await fetch(`${t.standin.url}/dev/subscribe-messages`)).json()) as { items?: Sent[] } | Sent[]
    const mine = (Array.isArray(sent) ? sent : (sent.items ?? [])).filter((m) => m.data.character_string1?.value === ticket.number)
    // Only "accepted" was subscribed: no message for "resolved".
    expect(mine).toHaveLength(1)
    expect(mine[0]!.page).toBe(`pages/ticket/index?id=${ticket.id}`)
  })

  it('a building whose officer is on leave: the street duty desk gets the ticket and accepts it itself', async () => {
    const { ticket, receipt } = await report(t, tok['demo-resident-2']!, fire)
    expect(receipt).toMatchObject({ officerName: null, unitName: '幸福路街道值班台' })
    const page = (await t.call('GET', '/api/workbench?view=scope&tab=pending', { token: tok['demo-dispatcher-1'] })).body
    expect(page.items.map((i: { id: number }) => i.id)).toContain(ticket.id)
    const accepted = await act(t, tok['demo-dispatcher-1']!, ticket.id, { action: 'accept' })
    expect(accepted.body.handler.name).toBeTruthy()
    expect(accepted.body.timeline[1].actorText).toMatch(/^值班民警 /)
  })

  it('the duty desk assigns and whistles departments; each department reports in and answers on the ticket', async () => {
    const { ticket } = await report(t, tok['demo-resident-2']!, fire)
    const desk = tok['demo-dispatcher-1']!
    const assignees = (await t.call('GET', `/api/tickets/${ticket.id}/assignees`, { token: desk })).body.items
    const target = assignees.find((a: { onDuty: boolean }) => a.onDuty)
    expect((await act(t, desk, ticket.id, { action: 'assign', officerUserId: target.userId })).body.handler.userId).toBe(target.userId)
    const departments = (await t.call('GET', '/api/departments', { token: desk })).body.items
    const fireBrigade = departments.find((d: { name: string }) => d.name === '消防救援大队')
    await act(t, desk, ticket.id, { action: 'whistle', departmentId: fireBrigade.id, note: '请协助检查' })
    const again = await act(t, desk, ticket.id, { action: 'whistle', departmentId: fireBrigade.id })
    expect(again.status).toBe(409)
    const whistled = (await t.call('GET', `/api/tickets/${ticket.id}`, { token: desk })).body
    const whistleId = whistled.whistles[0].id
    await act(t, desk, ticket.id, { action: 'report_in', whistleId })
    const answered = await act(t, desk, ticket.id, { action: 'report_in', whistleId, response: '已上门检查，灭火器已更换' })
    expect(answered.body.whistles[0]).toMatchObject({
      department: '消防救援大队',
      status: 'responded',
      response: '已上门检查，灭火器已更换',
    })
    const seen = (await t.call('GET', `/api/tickets/${ticket.id}`, { token: tok['demo-resident-2'] })).body
    expect(seen.timeline.map((e: { note: string }) => e.note)).toContain('消防救援大队反馈：已上门检查，灭火器已更换')
  })

  it('an officer transfers with a reason; the new officer sees it in their workbench', async () => {
    const { ticket } = await report(t, tok['demo-resident-1']!, fire)
    const assignees = (await t.call('GET', `/api/tickets/${ticket.id}/assignees`, { token: tok['demo-officer-1'] })).body.items
    const handlerId = (await t.ds.manager.findOneByOrFail(Ticket, { id: ticket.id })).handlerUserId
    const other = assignees.find((a: { onDuty: boolean; userId: number }) => a.onDuty && a.userId !== handlerId)
    const moved = await act(t, tok['demo-officer-1']!, ticket.id, {
      action: 'transfer',
      officerUserId: other.userId,
      reason: '该楼栋消防设施由三号辖区负责',
    })
    expect(moved.status).toBe(200)
    const openid = (await t.ds.manager.findOneByOrFail(User, { id: other.userId })).openid
    const theirs = (await t.call('GET', '/api/workbench?tab=pending', { token: (await t.loginAs(openid)).accessToken })).body
    expect(theirs.items.map((i: { id: number }) => i.id)).toContain(ticket.id)
    const row = await t.ds.manager.findOneByOrFail(Ticket, { id: ticket.id })
    expect(row.handlerUserId).toBe(other.userId)
  })
})

describe('retries never duplicate', () => {
  it('the same clientKey twice, even at once, gives one ticket', async () => {
    const body = reportBody(fire, { location: { type: 'building', buildingId: await homeBuildingId(t, tok['demo-resident-5']!) } })
    const [a, b] = await Promise.all([1, 2].map(() => t.call('POST', '/api/tickets', { token: tok['demo-resident-5'], body })))
    const c = await t.call('POST', '/api/tickets', { token: tok['demo-resident-5'], body })
    expect([a!.status, b!.status, c.status]).toEqual([201, 201, 201])
    expect(new Set([a!.body.ticket.id, b!.body.ticket.id, c.body.ticket.id]).size).toBe(1)
    expect(c.body.replayed).toBe(true)
    expect(await t.ds.manager.countBy(Ticket, { clientKey: body.clientKey })).toBe(1)
  })
})

describe('emergencies: Anju is not 110', () => {
  it('asks to call 110 first; submitted anyway, the ticket is urgent and the duty desk is alerted', async () => {
    const token = tok['demo-resident-1']!
    const building = await homeBuildingId(t, token)
    const body = reportBody(fire, { description: '楼下有人正在打架，有人受伤了', location: { type: 'building', buildingId: building } })
    const first = await t.call('POST', '/api/tickets', { token, body })
    expect(first.status).toBe(409)
    expect(first.body.error).toMatchObject({ code: 'emergency_confirm_required', details: { signals: ['有人打架或伤人', '有人受伤昏迷'] } })
    expect(await t.ds.manager.countBy(Ticket, { clientKey: body.clientKey })).toBe(0)
    const second = await t.call('POST', '/api/tickets', { token, body: { ...body, emergencyAcknowledged: true } })
    expect(second.status).toBe(201)
    expect(second.body.ticket.urgent).toBe(true)
    expect(await t.ds.manager.countBy(DeskAlert, { ticketId: second.body.ticket.id, kind: 'urgent' })).toBe(1)
  })
})

describe('bad input changes nothing', () => {
  const countAll = () => Promise.all([t.ds.manager.count(Ticket), t.ds.manager.count(TicketEvent)])

  it.each([
    ['an empty description', { description: '   ' }, 400],
    ['an unknown category', { categoryId: 99999 }, 400],
    ['a 10th photo', { photoIds: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] }, 400],
    ['someone else’s photo', { photoIds: [1] }, 400],
    ['a bad clientKey', { clientKey: 'retry-1' }, 400],
  ])('refuses %s', async (_what, change, status) => {
    const token = tok['demo-resident-2']!
    const before = await countAll()
    const body = { ...reportBody(fire, { location: { type: 'building', buildingId: await homeBuildingId(t, token) } }), ...change }
    const res = await t.call('POST', '/api/tickets', { token, body })
    expect(res.status).toBe(status)
    expect(res.body.error.message).toMatch(/[\u4e00-\u9fa5]/)
    expect(await countAll()).toEqual(before)
  })

  it('another resident’s ticket is 404, and an illegal transition is 409 and changes nothing', async () => {
    const { ticket } = await report(t, tok['demo-resident-1']!, fire)
    expect((await t.call('GET', `/api/tickets/${ticket.id}`, { token: tok['demo-resident-2'] })).status).toBe(404)
    expect((await act(t, tok['demo-resident-2']!, ticket.id, { action: 'withdraw' })).status).toBe(404)
    const rate = await act(t, tok['demo-resident-1']!, ticket.id, { action: 'rate', rating: 'satisfied' })
    expect(rate.status).toBe(409)
    expect(rate.body.error.message).toBe('工单待受理，不能评价')
    const resolveByResident = await act(t, tok['demo-resident-1']!, ticket.id, { action: 'accept' })
    expect(resolveByResident.status).toBe(403)
    const row = await t.ds.manager.findOneByOrFail(Ticket, { id: ticket.id })
    expect(row.status).toBe('submitted')
    expect(await t.ds.manager.countBy(TicketEvent, { ticketId: ticket.id })).toBe(1)
  })

  it('accepting twice at once (a double tap, two devices): one wins, the other gets 409', async () => {
    const { ticket } = await report(t, tok['demo-resident-2']!, fire)
    await act(t, tok['demo-dispatcher-1']!, ticket.id, {
      action: 'assign',
      officerUserId: (await t.call('GET', `/api/tickets/${ticket.id}/assignees`, { token: tok['demo-dispatcher-1'] })).body.items[0].userId,
    })
    const results = await Promise.all([
      act(t, tok['demo-dispatcher-1']!, ticket.id, { action: 'accept' }),
      act(t, tok['demo-dispatcher-1']!, ticket.id, { action: 'accept' }),
    ])
    expect(results.map((r) => r.status).sort()).toEqual([200, 409])
    expect(await t.ds.manager.countBy(TicketEvent, { ticketId: ticket.id, action: 'accept' })).toBe(1)
  })
})
