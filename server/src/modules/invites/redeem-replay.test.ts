import { randomUUID } from 'node:crypto'
import { startTestApp, type TestApp } from '../../test/harness'
import { AuditLog } from '../audit/entities'
import { OfficerProfile } from '../officers/entities'
import { Place } from '../places/entities'

/**
 * 使用邀请码 on a flaky network: the answer is lost, the app sends the same code again. The
 * person who redeemed it is answered as the first time (200, signed in with the new role); the
 * code stays spent for everyone else, and nothing is written twice.
 */
let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

async function inviteCode(deskOpenid: string, role: 'officer' | 'volunteer', community: string): Promise<string> {
  const desk = await t.loginAs(deskOpenid)
  const place = await t.ds.getRepository(Place).findOneByOrFail({ name: community, level: 'community' })
  const created = await t.call('POST', '/api/invites', {
    token: desk.accessToken,
    body: { clientKey: randomUUID(), role, placeId: place.id, expiresInHours: 48 },
  })
  if (created.status !== 201) throw new Error(`invite failed: ${JSON.stringify(created.body)}`)
  return created.body.code
}

const redeem = (token: string, body: Record<string, unknown>) => t.call('POST', '/api/auth/redeem-invite', { token, body })

describe('a retried redeem-invite', () => {
  it('answers the redeemer 200 with the same role and name again, and still refuses anyone else', async () => {
    const code = await inviteCode('demo-dispatcher-1', 'officer', '阳光社区')
    const joiner = await t.loginAs('wx-retrying-officer')
    const body = { code, name: '周建国', policeNumber: '150777', phone: '13847217777' }
    const first = await redeem(joiner.accessToken, body)
    expect(first.status).toBe(200)
    const retry = await redeem(joiner.accessToken, body)
    expect(retry.status).toBe(200)
    expect(retry.body.user).toEqual(first.body.user)
    expect(retry.body.user).toMatchObject({ role: 'officer', name: '周建国' })
    // The pair it gives works: the retrying app is signed in as the officer.
    expect((await t.call('GET', '/api/officer/overview', { token: retry.body.accessToken })).status).toBe(200)
    expect((await t.call('POST', '/api/auth/refresh', { body: { refreshToken: retry.body.refreshToken } })).status).toBe(200)

    const other = await redeem((await t.loginAs('wx-someone-else')).accessToken, body)
    expect(other.status).toBe(400)
    expect(other.body.error.code).toBe('invite_invalid')
    expect(await t.ds.getRepository(OfficerProfile).countBy({ policeNumber: '150777' })).toBe(1)
    expect(await t.ds.getRepository(AuditLog).countBy({ actorUserId: joiner.user.id, action: 'invite.redeem' })).toBe(1)
  })

  it('two copies sent at once both answer 200 for the redeemer', async () => {
    const code = await inviteCode('demo-dispatcher-2', 'volunteer', '和平社区')
    const joiner = await t.loginAs('wx-double-tap-volunteer')
    const answers = await Promise.all([1, 2].map(() => redeem(joiner.accessToken, { code, name: '吴晓梅' })))
    expect(answers.map((a) => a.status)).toEqual([200, 200])
    expect(answers.map((a) => a.body.user.role)).toEqual(['volunteer', 'volunteer'])
    expect(await t.ds.getRepository(AuditLog).countBy({ actorUserId: joiner.user.id, action: 'invite.redeem' })).toBe(1)
  })
})
