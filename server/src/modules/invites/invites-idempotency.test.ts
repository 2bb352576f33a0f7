import { randomUUID } from 'node:crypto'
import { startTestApp, type TestApp } from '../../test/harness'
import { AuditLog } from '../audit/entities'
import { Invite } from './entities'
import { Place } from '../places/entities'

/** The desk's 生成邀请码 retried after a lost answer gives back the same invite and code, never a second invite. */
let t: TestApp
let desk: string
let placeId: number
beforeAll(async () => {
  t = await startTestApp()
  desk = (await t.loginAs('demo-dispatcher-1')).accessToken
  placeId = (await t.ds.getRepository(Place).findOneByOrFail({ name: '阳光社区', level: 'community' })).id
})
afterAll(() => t.close())

const create = (body: Record<string, unknown>, token = desk) => t.call('POST', '/api/invites', { token, body })

describe('invites are idempotent on the clientKey', () => {
  it('a retried create answers 201 with the same invite and the same working code', async () => {
    const body = { clientKey: randomUUID(), role: 'volunteer', placeId, expiresInHours: 24 }
    const first = await create(body)
    const retry = await create(body)
    expect([first.status, retry.status]).toEqual([201, 201])
    expect(retry.body).toEqual(first.body)
    expect(first.body.code).toMatch(/^[A-Z2-9]{10}$/)
    expect(await t.ds.manager.countBy(Invite, { clientKey: body.clientKey })).toBe(1)
    expect(await t.ds.manager.countBy(AuditLog, { action: 'invite.create', targetId: String(first.body.id) })).toBe(1)
    const joiner = await t.loginAs('wx-idem-volunteer')
    const joined = await t.call('POST', '/api/auth/redeem-invite', {
      token: joiner.accessToken,
      body: { code: retry.body.code, name: '周律师' },
    })
    expect(joined.status).toBe(200)
  })

  it('two copies at once make one invite, both answered with it', async () => {
    const body = { clientKey: randomUUID(), role: 'volunteer', placeId, expiresInHours: 24 }
    const answers = await Promise.all([create(body), create(body), create(body)])
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201])
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1)
    expect(new Set(answers.map((a) => a.body.code)).size).toBe(1)
    expect(await t.ds.manager.countBy(Invite, { clientKey: body.clientKey })).toBe(1)
  })

  it('a different key makes a different invite; no key, or a bad one, is refused and makes none', async () => {
    const a = await create({ clientKey: randomUUID(), role: 'volunteer', placeId })
    const b = await create({ clientKey: randomUUID(), role: 'volunteer', placeId })
    expect(a.body.id).not.toBe(b.body.id)
    const before = await t.ds.manager.count(Invite)
    for (const clientKey of [undefined, 'again']) {
      const res = await create({ clientKey, role: 'volunteer', placeId })
      expect(res.status).toBe(400)
      expect(res.body.error.code).toBe('validation_failed')
    }
    expect(await t.ds.manager.count(Invite)).toBe(before)
  })

  it('another desk sending the same key gets its own invite, not the first one’s code', async () => {
    const clientKey = randomUUID()
    const mine = await create({ clientKey, role: 'volunteer', placeId })
    const other = await create(
      { clientKey, role: 'volunteer', placeId: (await t.ds.getRepository(Place).findOneByOrFail({ level: 'district' })).id },
      (await t.loginAs('demo-dispatcher-2')).accessToken,
    )
    expect(other.status).toBe(201)
    expect(other.body.id).not.toBe(mine.body.id)
    expect(other.body.code).not.toBe(mine.body.code)
  })
})
