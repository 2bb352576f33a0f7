import { startTestApp, type TestApp } from '../../test/harness'
import { User } from './entities'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

const idOf = async (openid: string) => (await t.ds.getRepository(User).findOneByOrFail({ openid })).id

describe('who may see a resident', () => {
  it('a resident sees themselves, and gets 404 — not 403 — for another resident', async () => {
    const me = await t.loginAs('demo-resident-1')
    expect((await t.call('GET', `/api/residents/${me.user.id}`, { token: me.accessToken })).body.name).toBe(me.user.name)
    const other = await t.call('GET', `/api/residents/${await idOf('demo-resident-2')}`, { token: me.accessToken })
    expect(other.status).toBe(404)
    expect(other.body.error.code).toBe('not_found')
    // The same answer as for a record that does not exist at all.
    expect((await t.call('GET', '/api/residents/987654', { token: me.accessToken })).body).toEqual(other.body)
  })

  it('an officer sees the residents of the buildings they lead, and no others', async () => {
    const officer = await t.loginAs('demo-officer-1') // leads 阳光花园 (demo-resident-1's building)
    expect((await t.call('GET', `/api/residents/${await idOf('demo-resident-1')}`, { token: officer.accessToken })).status).toBe(200)
    expect((await t.call('GET', `/api/residents/${await idOf('demo-resident-2')}`, { token: officer.accessToken })).status).toBe(404)
  })

  it("a street duty desk sees its street's residents, not the next street's", async () => {
    const desk = await t.loginAs('demo-dispatcher-1') // 幸福路街道
    expect((await t.call('GET', `/api/residents/${await idOf('demo-resident-2')}`, { token: desk.accessToken })).status).toBe(200)
    expect((await t.call('GET', `/api/residents/${await idOf('demo-resident-3')}`, { token: desk.accessToken })).status).toBe(404) // 先锋道街道
  })

  it("a resident cannot call staff endpoints, and staff don't get residents' ones", async () => {
    const resident = await t.loginAs('demo-resident-1')
    for (const path of ['/api/officer/overview', '/api/desk/overview', '/api/invites']) {
      expect((await t.call('GET', path, { token: resident.accessToken })).status).toBe(403)
    }
    const officer = await t.loginAs('demo-officer-1')
    expect((await t.call('GET', '/api/me/building-lead', { token: officer.accessToken })).status).toBe(403)
  })
})

describe("a building's QR sign", () => {
  it('its officer can print it; it carries the link that binds the building; others get 404 or 403', async () => {
    const officer = await t.loginAs('demo-officer-1')
    const mine = (await t.call('GET', `/api/places/buildings/by-code/${t.demo!.qr.onDuty}`, { token: officer.accessToken })).body
    const res = await fetch(`${t.url}/api/places/buildings/${mine.id}/qr.svg`, {
      headers: { authorization: `Bearer ${officer.accessToken}` },
    })
    expect([res.status, res.headers.get('content-type')]).toEqual([200, expect.stringContaining('image/svg+xml')])
    const svg = await res.text()
    expect(svg).toContain(mine.name)
    expect(svg).toContain('紧急情况请拨打 110')
    const other = (await t.call('GET', `/api/places/buildings/by-code/${t.demo!.qr.noOfficer}`, { token: officer.accessToken })).body
    expect((await t.call('GET', `/api/places/buildings/${other.id}/qr.svg`, { token: officer.accessToken })).status).toBe(404)
    const resident = await t.loginAs('demo-resident-1')
    expect((await t.call('GET', `/api/places/buildings/${mine.id}/qr.svg`, { token: resident.accessToken })).status).toBe(403)
  })
})

describe('role homes', () => {
  it('an officer sees the buildings they lead and how many residents bound to each', async () => {
    const officer = await t.loginAs('demo-officer-1')
    const home = (await t.call('GET', '/api/officer/overview', { token: officer.accessToken })).body
    expect(home.buildings.length).toBeGreaterThanOrEqual(3)
    expect(home.buildings.every((b: { community: string }) => b.community === '阳光社区')).toBe(true)
    expect(home.totalResidents).toBe(home.buildings.reduce((n: number, b: { residents: number }) => n + b.residents, 0))
    expect(home.totalResidents).toBeGreaterThanOrEqual(1)
  })

  it('the duty desk sees its scope: buildings, buildings without an officer, officers on and off duty', async () => {
    const desk = await t.loginAs('demo-dispatcher-2') // 青山区
    const home = (await t.call('GET', '/api/desk/overview', { token: desk.accessToken })).body
    expect(home.scope.name).toBe('青山区')
    expect(home.dutyDesk.name).toBe('青山区公安分局指挥中心')
    expect(home.buildings).toBe(t.demo!.buildings)
    expect(home.buildingsWithoutOfficer).toBeGreaterThanOrEqual(3)
    expect(home.officers).toHaveLength(10)
    expect(home.officers.some((o: { onDuty: boolean }) => !o.onDuty)).toBe(true)
    const street = (await t.call('GET', '/api/desk/overview', { token: (await t.loginAs('demo-dispatcher-1')).accessToken })).body
    expect([street.scope.name, street.dutyDesk.name]).toEqual(['幸福路街道', '幸福路街道值班台'])
  })
})
