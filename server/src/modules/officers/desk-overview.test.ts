import { startTestApp, type TestApp } from '../../test/harness'
import { Place } from '../places/entities'
import { Residence, User } from '../users/entities'

/**
 * 值班台首页 counts what its figures name: residents are people, not the buildings they live in;
 * its buildings are the ones the desk reaches, whatever the level of its scope.
 */
let t: TestApp
let building: Place
beforeAll(async () => {
  t = await startTestApp()
  // A grid of its own with one building (no officer named), and two residents bound to that building.
  const admin = await t.loginAs('demo-admin')
  const csv = [
    'district,street,community,grid,building_code,building,address,units,officer_police_number',
    '青山区,幸福路街道,概览社区,概览网格,OVERVIEW-1,概览1号楼,,2,',
  ].join('\n')
  const res = await t.call('POST', '/api/places/import', { token: admin.accessToken, raw: csv, contentType: 'text/csv' })
  if (res.status !== 200 || res.body.created !== 1) throw new Error(`import failed: ${res.status} ${JSON.stringify(res.body)}`)
  building = await t.ds.manager.findOneByOrFail(Place, { code: 'OVERVIEW-1' })
  for (const openid of ['overview-resident-a', 'overview-resident-b']) {
    const { user } = await t.loginAs(openid)
    await t.ds.manager.insert(Residence, { userId: user.id, buildingId: building.id, unitId: null })
  }
})
afterAll(() => t.close())

/** The demo street desk, its scope moved to `place` (invites only make district to grid scopes; a unit's is set here). */
async function overviewScopedTo(place: Place) {
  const desk = await t.loginAs('demo-dispatcher-1')
  await t.ds.manager.update(User, { id: desk.user.id }, { scopePlaceId: place.id })
  return t.call('GET', '/api/desk/overview', { token: desk.accessToken })
}

describe('the desk overview', () => {
  it('counts residents: two residents in one building are 2', async () => {
    const grid = await t.ds.manager.findOneByOrFail(Place, { id: building.parentId! })
    const res = await overviewScopedTo(grid)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ buildings: 1, buildingsWithoutOfficer: 1, residents: 2, officers: [] })
  })

  // Invites scope staff to a district, street, community or grid only; a scope set below that still answers, as reaches() has it.
  it('of a unit: no building (a unit holds none, and the desk does not reach its building), not a 500', async () => {
    const unit = await t.ds.manager.findOneByOrFail(Place, { parentId: building.id, level: 'unit' })
    const res = await overviewScopedTo(unit)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      scope: { id: unit.id, level: 'unit' },
      buildings: 0,
      buildingsWithoutOfficer: 0,
      residents: 0,
      officers: [],
    })
  })

  it('of a building: that building, its residents and its lead', async () => {
    const res = await overviewScopedTo(building)
    expect(res.body).toMatchObject({ buildings: 1, buildingsWithoutOfficer: 1, residents: 2, officers: [] })
    const admin = await t.loginAs('demo-admin')
    const officer = await t.ds.manager.findOneByOrFail(User, { openid: 'demo-officer-1' })
    const named = await t.call('PUT', '/api/building-leads', {
      token: admin.accessToken,
      body: { buildingId: building.id, officerUserId: officer.id },
    })
    expect(named.status).toBe(204)
    const led = await overviewScopedTo(building)
    expect(led.body).toMatchObject({ buildings: 1, buildingsWithoutOfficer: 0, residents: 2 })
    expect(led.body.officers).toEqual([expect.objectContaining({ userId: officer.id, buildings: 1 })])
  })
})
