import { randomUUID } from 'node:crypto'
import { startTestApp, type TestApp } from '../../test/harness'
import { Invite } from '../invites/entities'
import { Place } from '../places/entities'
import { TicketCategoryRow } from '../tickets/entities'
import { reportBody, tokensFor, categoryId, homeBuildingId } from '../tickets/test-helpers'
import { User } from '../users/entities'
import { BuildingLead } from './entities'

/**
 * Scope checks fail closed: a duty-desk member whose scope place is not set answers for nothing,
 * not for everything (an admin with no scope is the one who answers for all).
 */
let t: TestApp
let tok: Record<string, string>
let building: Place
let street: Place
let ticketId: number
beforeAll(async () => {
  t = await startTestApp()
  tok = await tokensFor(t, 'demo-dispatcher-1', 'demo-resident-1')
  // The desk loses its scope (set wrong, or its place was removed).
  await t.ds.manager.update(User, { openid: 'demo-dispatcher-1' }, { scopePlaceId: null })
  building = await t.ds.manager.findOneByOrFail(Place, { level: 'building' })
  street = await t.ds.manager.findOneByOrFail(Place, { level: 'street' })
  // An urgent ticket raises a desk alert somewhere in the district.
  const resident = tok['demo-resident-1']!
  const fire = await categoryId(t, resident, 'hazard', '消防安全')
  const body = reportBody(fire, {
    description: '楼下着火了',
    emergencyAcknowledged: true,
    location: { type: 'building', buildingId: await homeBuildingId(t, resident) },
  })
  const res = await t.call('POST', '/api/tickets', { token: resident, body })
  if (res.status !== 201) throw new Error(`report failed: ${res.status} ${JSON.stringify(res.body)}`)
  ticketId = res.body.ticket.id
})
afterAll(() => t.close())

describe('a dispatcher without a scope place', () => {
  it('cannot name the officer of any building: 404, and the lead stays as it was', async () => {
    const officer = await t.ds.manager.findOneByOrFail(User, { role: 'officer' })
    const before = await t.ds.manager.findOneBy(BuildingLead, { buildingId: building.id })
    const res = await t.call('PUT', '/api/building-leads', {
      token: tok['demo-dispatcher-1'],
      body: { buildingId: building.id, officerUserId: officer.id },
    })
    expect(res.status).toBe(404)
    expect(res.body.error.code).toBe('not_found')
    expect(await t.ds.manager.findOneBy(BuildingLead, { buildingId: building.id })).toEqual(before)
  })

  it('cannot invite staff anywhere: 404, and no invite is made', async () => {
    const before = await t.ds.manager.count(Invite)
    const res = await t.call('POST', '/api/invites', {
      token: tok['demo-dispatcher-1'],
      body: { clientKey: randomUUID(), role: 'officer', placeId: street.id },
    })
    expect(res.status).toBe(404)
    expect(res.body.error.code).toBe('not_found')
    expect(await t.ds.manager.count(Invite)).toBe(before)
  })

  it('sees no desk alerts rather than every desk’s', async () => {
    const res = await t.call('GET', '/api/desk/alerts', { token: tok['demo-dispatcher-1'] })
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ items: [], unacknowledged: 0 })
  })

  it('cannot import buildings anywhere: 403, and nothing is written', async () => {
    const before = await t.ds.manager.count(Place)
    const csv =
      'district,street,community,grid,building_code,building,address,units,officer_police_number\n别的区,别的街道,别的社区,一网格,ZZ-SCOPE-1,1号楼,,2,\n'
    const res = await t.call('POST', '/api/places/import', { token: tok['demo-dispatcher-1'], raw: csv, contentType: 'text/csv' })
    expect(res.status).toBe(403)
    expect(res.body.error.code).toBe('forbidden')
    expect(await t.ds.manager.count(Place)).toBe(before)
  })

  it('cannot filter the workbench by a place it does not hold', async () => {
    const res = await t.call('GET', `/api/workbench?view=scope&placeId=${street.id}`, { token: tok['demo-dispatcher-1'] })
    expect(res.status).toBeGreaterThanOrEqual(403)
    expect(res.status).toBeLessThan(410)
    expect(res.body.items).toBeUndefined()
  })

  it('gets no statistics, neither the whole district nor a place it names: 409', async () => {
    const today = new Date().toISOString().slice(0, 10)
    for (const query of [`from=${today}&to=${today}`, `from=${today}&to=${today}&placeId=${street.id}`]) {
      const res = await t.call('GET', `/api/stats?${query}`, { token: tok['demo-dispatcher-1'] })
      expect(res.status).toBe(409)
      expect(res.body.error.code).toBe('conflict')
      expect(res.body.total).toBeUndefined()
    }
  })

  it('does not see a ticket in the district: 404, as for one it may not know of', async () => {
    const res = await t.call('GET', `/api/tickets/${ticketId}`, { token: tok['demo-dispatcher-1'] })
    expect(res.status).toBe(404)
    expect(res.body.error.code).toBe('not_found')
  })

  it('cannot add a ticket category: 403, and none is made', async () => {
    const before = await t.ds.manager.count(TicketCategoryRow)
    const body = {
      clientKey: randomUUID(),
      kind: 'hazard',
      name: '无范围新增',
      sortOrder: 50,
      active: true,
      routeTo: 'building_lead',
      alertDesk: false,
      acceptMinutes: 60,
      resolveMinutes: 1440,
      urgentAcceptMinutes: 15,
      urgentResolveMinutes: 240,
      warnAtPercent: 80,
    }
    const res = await t.call('POST', '/api/ticket-categories', { token: tok['demo-dispatcher-1'], body })
    expect(res.status).toBe(403)
    expect(res.body.error.code).toBe('forbidden')
    expect(await t.ds.manager.count(TicketCategoryRow)).toBe(before)
  })

  it('gets no desk overview: 409', async () => {
    const res = await t.call('GET', '/api/desk/overview', { token: tok['demo-dispatcher-1'] })
    expect(res.status).toBe(409)
    expect(res.body.error.code).toBe('conflict')
  })
})
