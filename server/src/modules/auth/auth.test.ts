import { mintStandinCode } from '../../standins/wechat/server'
import { startTestApp, type TestApp } from '../../test/harness'
import { User } from '../users/entities'
import { RefreshToken } from './entities'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

const injectFault = (errcode: number) =>
  fetch(`${t.standin.url}/dev/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ errcodes: [errcode] }),
  })

describe('WeChat login', () => {
  it('a first login creates a resident; the session_key stays on the server, encrypted', async () => {
    const pair = await t.loginAs('wx-first-time-user')
    expect(pair.user.role).toBe('resident')
    expect(JSON.stringify(pair)).not.toMatch(/session_?key/i)
    const user = await t.ds
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.wechatSessionKey')
      .where('u.openid = :o', { o: 'wx-first-time-user' })
      .getOneOrFail()
    expect(user.wechatSessionKey).toMatch(/^v1\./)
    const me = await t.call('GET', '/api/me', { token: pair.accessToken })
    expect(me.body.user).toEqual({ id: pair.user.id, role: 'resident', name: '微信用户' })
    expect(me.body.residence).toBeNull()
  })

  it('logging in again is the same person', async () => {
    const a = await t.loginAs('demo-resident-1')
    const b = await t.loginAs('demo-resident-1')
    expect(b.user.id).toBe(a.user.id)
  })

  it('an unknown or reused code is refused clearly', async () => {
    const bad = await t.call('POST', '/api/auth/wechat-login', { body: { code: '0a1b2c3d4e5f60718293a4b5c6d7e8f9' } })
    expect(bad.status).toBe(401)
    expect(bad.body.error.code).toBe('wechat_invalid_code')
    const code = await mintStandinCode(t.standin.url, 'demo-resident-1')
    expect((await t.call('POST', '/api/auth/wechat-login', { body: { code } })).status).toBe(200)
    const again = await t.call('POST', '/api/auth/wechat-login', { body: { code } })
    expect(again.body.error.code).toBe('wechat_invalid_code')
  })

  it.each([
    [-1, 503, 'wechat_busy', '微信系统繁忙'],
    [45011, 503, 'wechat_rate_limited', '请一分钟后再试'],
    [40013, 502, 'wechat_unavailable', '微信登录暂时不可用'],
  ])('WeChat errcode %i becomes %i %s', async (errcode, status, code, words) => {
    await injectFault(errcode)
    const res = await t.call('POST', '/api/auth/wechat-login', { body: { code: await mintStandinCode(t.standin.url, 'demo-resident-1') } })
    expect(res.status).toBe(status)
    expect(res.body.error.code).toBe(code)
    expect(res.body.error.message).toContain(words)
  })

  it('an empty code is a validation error', async () => {
    const res = await t.call('POST', '/api/auth/wechat-login', { body: { code: '' } })
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe('validation_failed')
  })
})

describe('tokens', () => {
  it('refresh rotates: the old refresh token stops working, and replaying it ends the whole session', async () => {
    const first = await t.loginAs('demo-resident-2')
    const second = (await t.call('POST', '/api/auth/refresh', { body: { refreshToken: first.refreshToken } })).body
    expect(second.refreshToken).not.toBe(first.refreshToken)
    expect((await t.call('GET', '/api/me', { token: second.accessToken })).status).toBe(200)

    const replay = await t.call('POST', '/api/auth/refresh', { body: { refreshToken: first.refreshToken } })
    expect(replay.status).toBe(401)
    // The stolen-token replay revoked the family: the legitimate newer token is dead too.
    expect((await t.call('POST', '/api/auth/refresh', { body: { refreshToken: second.refreshToken } })).status).toBe(401)
  })

  it('refresh tokens are stored only as hashes', async () => {
    const pair = await t.loginAs('demo-resident-3')
    const stored = await t.ds.getRepository(RefreshToken).find({ where: { userId: pair.user.id } })
    expect(stored.length).toBeGreaterThan(0)
    expect(stored.map((r) => r.tokenHash)).not.toContain(pair.refreshToken)
  })

  it('logout revokes the refresh token', async () => {
    const pair = await t.loginAs('demo-resident-4')
    expect((await t.call('POST', '/api/auth/logout', { body: { refreshToken: pair.refreshToken } })).status).toBe(204)
    const res = await t.call('POST', '/api/auth/refresh', { body: { refreshToken: pair.refreshToken } })
    expect(res.status).toBe(401)
    expect(res.body.error.code).toBe('unauthenticated')
  })

  it('an expired access token says so, so the app can refresh', async () => {
    const pair = await t.loginAs('demo-resident-5')
    const realNow = Date.now
    Date.now = () => realNow() + 3600_000
    try {
      const res = await t.call('GET', '/api/me', { token: pair.accessToken })
      expect(res.status).toBe(401)
      expect(res.body.error.code).toBe('token_expired')
    } finally {
      Date.now = realNow
    }
  })

  it('no token is 401, a forged one is 401, a wrong role is 403', async () => {
    expect((await t.call('GET', '/api/me')).body.error.code).toBe('unauthenticated')
    const forged = await t.call('GET', '/api/me', { token: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIiwicm9sZSI6ImFkbWluIn0.x' })
    expect(forged.status).toBe(401)
    const resident = await t.loginAs('demo-resident-1')
    const res = await t.call('GET', '/api/desk/overview', { token: resident.accessToken })
    expect(res.status).toBe(403)
    expect(res.body.error.code).toBe('forbidden')
  })
})

describe('demo login options', () => {
  it('lists a brand-new resident first, then the seeded residents with what they will see, then staff', async () => {
    const res = await t.call('GET', '/api/auth/options')
    expect(res.body.demo).toBe(true)
    const [first, ...rest] = res.body.identities
    expect(first).toMatchObject({ key: 'new-resident', label: '新居民' })
    expect(rest[0].role).toBe('resident')
    expect(rest.map((i: { role: string }) => i.role)).toEqual(expect.arrayContaining(['officer', 'dispatcher', 'volunteer', 'admin']))
    const byKey = (k: string) => rest.find((i: { key: string }) => i.key === k).description
    expect(byKey('demo-resident-1')).toMatch(/^住在 .+1号楼，楼长民警在岗$/)
    expect(byKey('demo-resident-2')).toMatch(/，楼长民警休假中$/)
    expect(byKey('demo-resident-3')).toMatch(/，楼栋暂无楼长民警$/)
  })

  it('a demo code logs in through the same code2Session path; unknown identities are refused', async () => {
    const { code } = (await t.call('POST', '/api/auth/demo-code', { body: { key: 'demo-officer-1' } })).body
    const login = await t.call('POST', '/api/auth/wechat-login', { body: { code } })
    expect(login.body.user.role).toBe('officer')
    expect((await t.call('POST', '/api/auth/demo-code', { body: { key: 'someone-else' } })).status).toBe(404)
  })
})
