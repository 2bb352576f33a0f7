import { startTestApp, type TestApp } from '../../test/harness'
import { Residence } from './entities'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

describe('a resident binds their building and sees their officer', () => {
  it('finds a building by community name and by building name', async () => {
    const { accessToken } = await t.loginAs('wx-new-neighbour')
    const byCommunity = await t.call('GET', `/api/places/buildings?q=${encodeURIComponent('阳光社区')}`, { token: accessToken })
    expect(byCommunity.body.items.length).toBeGreaterThan(3)
    expect(byCommunity.body.items.every((b: { community: string }) => b.community === '阳光社区')).toBe(true)
    const byName = await t.call('GET', `/api/places/buildings?q=${encodeURIComponent('阳光花园2号楼')}`, { token: accessToken })
    expect(byName.body.items.map((b: { name: string }) => b.name)).toEqual(['阳光花园2号楼'])
    expect(byName.body.items[0].units.length).toBeGreaterThanOrEqual(2)
  })

  it('binds through the QR code and sees the officer on duty', async () => {
    const { accessToken } = await t.loginAs('wx-qr-neighbour')
    const building = (await t.call('GET', `/api/places/buildings/by-code/${t.demo!.qr.onDuty}`, { token: accessToken })).body
    expect(building.community).toBe('阳光社区')
    const me = await t.call('PUT', '/api/me/residence', {
      token: accessToken,
      body: { buildingId: building.id, unitId: building.units[1].id },
    })
    expect(me.body.residence.building.name).toBe(building.name)
    expect(me.body.residence.unit.name).toBe('2单元')
    const card = (await t.call('GET', '/api/me/building-lead', { token: accessToken })).body
    expect(card.officer).toMatchObject({ station: '幸福路派出所', onDuty: true, status: 'on_duty', statusText: '在岗' })
    expect(card.officer.policeNumber).toMatch(/^\d{6}$/)
    expect(card.officer.duties).toHaveLength(6)
    expect(card.cover).toBeNull()
  })

  it('when the officer is on leave, the street duty desk covers', async () => {
    const { accessToken } = await t.loginAs('demo-resident-2')
    const card = (await t.call('GET', '/api/me/building-lead', { token: accessToken })).body
    expect(card.officer.status).toBe('on_leave')
    expect(card.officer.statusText).toMatch(/^休假中（至 \d{4}年\d+月\d+日）$/)
    expect(card.cover).toEqual({
      reason: 'off_duty',
      dutyDesk: expect.objectContaining({ name: '幸福路街道值班台', placeName: '幸福路街道' }),
    })
  })

  it('a building without an officer shows the duty desk', async () => {
    const { accessToken } = await t.loginAs('demo-resident-3')
    const card = (await t.call('GET', '/api/me/building-lead', { token: accessToken })).body
    expect(card.officer).toBeNull()
    expect(card.cover.reason).toBe('no_officer')
    expect(card.cover.dutyDesk.name).toBe('先锋道街道值班台')
  })

  it('an officer outside duty hours is 休息中 and covered', async () => {
    const { accessToken } = await t.loginAs('wx-night-neighbour')
    // demo-officer-9 keeps office hours (Mon–Fri 08:30–17:30 Beijing); Sunday 23:00 Beijing is outside them.
    const officerBuilding = (await t.call('GET', `/api/places/buildings?q=${encodeURIComponent('光荣里1号楼')}`, { token: accessToken }))
      .body.items[0]
    await t.call('PUT', '/api/me/residence', { token: accessToken, body: { buildingId: officerBuilding.id } })
    t.clock.now = new Date('2026-11-22T15:00:00Z')
    try {
      const card = (await t.call('GET', '/api/me/building-lead', { token: accessToken })).body
      expect(card.officer.statusText).toBe('休息中')
      expect(card.officer.dutyHoursText).toBe('周一至周五 08:30–17:30')
      expect(card.cover.dutyDesk.name).toBe('先锋道街道值班台')
      t.clock.now = new Date('2026-11-23T02:00:00Z') // Monday 10:00 Beijing
      expect((await t.call('GET', '/api/me/building-lead', { token: accessToken })).body.cover).toBeNull()
    } finally {
      t.clock.now = new Date()
    }
  })

  it('a resident can move; a unit of another building is refused and changes nothing', async () => {
    const { accessToken } = await t.loginAs('demo-resident-1')
    const before = (await t.call('GET', '/api/me', { token: accessToken })).body.residence
    const [a, b] = (await t.call('GET', `/api/places/buildings?q=${encodeURIComponent('青年公寓')}`, { token: accessToken })).body.items
    const bad = await t.call('PUT', '/api/me/residence', { token: accessToken, body: { buildingId: a.id, unitId: b.units[0].id } })
    expect(bad.status).toBe(400)
    expect(bad.body.error.message).toBe('所选单元不属于该楼栋')
    expect((await t.call('GET', '/api/me', { token: accessToken })).body.residence).toEqual(before)
    const moved = await t.call('PUT', '/api/me/residence', { token: accessToken, body: { buildingId: a.id } })
    expect(moved.body.residence.building.name).toBe(a.name)
    expect(await t.ds.getRepository(Residence).countBy({ userId: moved.body.user.id })).toBe(1)
  })

  it('an unbound resident is asked to bind first; unknown buildings are 404', async () => {
    const { accessToken } = await t.loginAs('demo-resident-4')
    const res = await t.call('GET', '/api/me/building-lead', { token: accessToken })
    expect(res.status).toBe(404)
    expect(res.body.error.message).toBe('请先绑定您居住的楼栋')
    expect((await t.call('GET', '/api/places/buildings/by-code/NOPE-1', { token: accessToken })).status).toBe(404)
    expect((await t.call('PUT', '/api/me/residence', { token: accessToken, body: { buildingId: 999999 } })).status).toBe(404)
  })
})
