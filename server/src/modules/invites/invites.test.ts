import { randomUUID } from 'node:crypto'
import { startTestApp, type TestApp } from '../../test/harness'
import { AuditLog } from '../audit/entities'
import { OfficerProfile } from '../officers/entities'
import { Place } from '../places/entities'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

const community = (name: string) => t.ds.getRepository(Place).findOneByOrFail({ name, level: 'community' })

describe('staff join by one-time invite', () => {
  it('the duty desk invites an officer; the new officer joins, leads buildings after assignment, and the code is spent', async () => {
    const desk = await t.loginAs('demo-dispatcher-1')
    const place = await community('阳光社区')
    const created = await t.call('POST', '/api/invites', {
      token: desk.accessToken,
      body: { clientKey: randomUUID(), role: 'officer', placeId: place.id, expiresInHours: 48 },
    })
    expect(created.status).toBe(201)
    expect(created.body.code).toMatch(/^[A-Z2-9]{10}$/)
    expect(created.body.place.name).toBe('阳光社区')

    const joiner = await t.loginAs('wx-new-officer')
    const missing = await t.call('POST', '/api/auth/redeem-invite', {
      token: joiner.accessToken,
      body: { code: created.body.code, name: '赵卫国' },
    })
    expect(missing.status).toBe(400)
    expect(missing.body.error.message).toBe('楼长民警需填写警号和工作电话')

    const joined = await t.call('POST', '/api/auth/redeem-invite', {
      token: joiner.accessToken,
      body: { code: created.body.code.toLowerCase(), name: '赵卫国', policeNumber: '150999', phone: '13847210000' },
    })
    expect(joined.status).toBe(200)
    expect(joined.body.user).toMatchObject({ role: 'officer', name: '赵卫国' })
    expect((await t.ds.getRepository(OfficerProfile).findOneByOrFail({ userId: joiner.user.id })).station).toBe('幸福路派出所')
    // Role changed: the old session is over.
    expect((await t.call('POST', '/api/auth/refresh', { body: { refreshToken: joiner.refreshToken } })).status).toBe(401)

    const again = await t.call('POST', '/api/auth/redeem-invite', {
      token: (await t.loginAs('wx-another')).accessToken,
      body: { code: created.body.code, name: '钱多多', policeNumber: '150998', phone: '13847210001' },
    })
    expect(again.status).toBe(400)
    expect(again.body.error.code).toBe('invite_invalid')

    const building = await t.ds.getRepository(Place).findOneByOrFail({ code: 'QS-113-01' })
    expect(
      (
        await t.call('PUT', '/api/building-leads', {
          token: desk.accessToken,
          body: { buildingId: building.id, officerUserId: joiner.user.id },
        })
      ).status,
    ).toBe(204)
    const home = await t.call('GET', '/api/officer/overview', { token: joined.body.accessToken })
    expect(home.body.buildings.map((b: { name: string }) => b.name)).toContain(building.name)
    const audit = await t.ds.getRepository(AuditLog).findBy({ actorUserId: desk.user.id })
    expect(audit.map((a) => a.action).sort()).toEqual(['building_lead.assign', 'invite.create'])
  })

  it('an expired invite is refused', async () => {
    const desk = await t.loginAs('demo-dispatcher-2')
    const created = await t.call('POST', '/api/invites', {
      token: desk.accessToken,
      body: { clientKey: randomUUID(), role: 'volunteer', placeId: (await community('和平社区')).id, expiresInHours: 1 },
    })
    t.clock.now = new Date(Date.now() + 2 * 3600_000)
    try {
      const joiner = await t.loginAs('wx-late-volunteer')
      const res = await t.call('POST', '/api/auth/redeem-invite', {
        token: joiner.accessToken,
        body: { code: created.body.code, name: '孙律师' },
      })
      expect(res.body.error.code).toBe('invite_invalid')
    } finally {
      t.clock.now = new Date()
    }
  })

  it('a street desk cannot invite into another street, nor make an admin; residents cannot invite', async () => {
    const desk = await t.loginAs('demo-dispatcher-1') // 幸福路街道
    const outside = await t.call('POST', '/api/invites', {
      token: desk.accessToken,
      body: { clientKey: randomUUID(), role: 'officer', placeId: (await community('和平社区')).id },
    })
    expect(outside.status).toBe(404)
    const admin = await t.call('POST', '/api/invites', {
      token: desk.accessToken,
      body: { clientKey: randomUUID(), role: 'admin', placeId: (await community('阳光社区')).id },
    })
    expect(admin.status).toBe(403)
    const resident = await t.loginAs('demo-resident-1')
    expect(
      (
        await t.call('POST', '/api/invites', {
          token: resident.accessToken,
          body: { clientKey: randomUUID(), role: 'officer', placeId: 1 },
        })
      ).status,
    ).toBe(403)
    const list = await t.call('GET', '/api/invites', { token: desk.accessToken })
    expect(list.body.items.every((i: { code?: string }) => i.code === undefined)).toBe(true)
  })
})
