import { randomUUID } from 'node:crypto'
import { Ticket } from '../modules/tickets/entities'
import { categoryId, homeBuildingId, reportBody } from '../modules/tickets/test-helpers'
import { User } from '../modules/users/entities'
import { startTestApp, type TestApp } from '../test/harness'

/**
 * An account removed while its access token is still valid (注销, or deleted by an operator): the
 * token must not write rows for a user who is not there, nor make the server answer 500.
 */
let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

const GONE = { error: { code: 'unauthenticated', message: '账号不存在或已注销，请重新登录' } }

describe('a valid token whose user no longer exists', () => {
  it('cannot report (401, no ticket written) and GET /api/me answers 401, not 500', async () => {
    const demo = (await t.loginAs('demo-resident-1')).accessToken
    const buildingId = await homeBuildingId(t, demo)
    const fire = await categoryId(t, demo, 'hazard', '消防安全')

    const openid = `gone-${randomUUID().slice(0, 8)}`
    const token = (await t.loginAs(openid)).accessToken
    expect((await t.call('PUT', '/api/me/residence', { token, body: { buildingId } })).status).toBe(200)
    const user = await t.ds.manager.findOneByOrFail(User, { openid })
    // Deleting the account takes its tokens, residence and credits with it (ON DELETE CASCADE).
    await t.ds.manager.delete(User, { id: user.id })

    const report = await t.call('POST', '/api/tickets', { token, body: reportBody(fire, { location: { type: 'building', buildingId } }) })
    expect({ status: report.status, body: report.body }).toEqual({ status: 401, body: GONE })
    expect(await t.ds.manager.countBy(Ticket, { reporterUserId: user.id })).toBe(0)

    const me = await t.call('GET', '/api/me', { token })
    expect({ status: me.status, body: me.body }).toEqual({ status: 401, body: GONE })
  })

  it('a foreign key the user is not to blame for still answers as before (the user exists)', async () => {
    const token = (await t.loginAs('demo-resident-2')).accessToken
    const fire = await categoryId(t, token, 'hazard', '消防安全')
    const res = await t.call('POST', '/api/tickets', {
      token,
      body: reportBody(fire, { location: { type: 'building', buildingId: 999_999 } }),
    })
    expect(res.status).toBeGreaterThanOrEqual(400)
    expect(res.status).toBeLessThan(500)
    expect(res.body.error.code).not.toBe('unauthenticated')
  })
})
