import { randomBytes } from 'node:crypto'
import { mintStandinCode } from '../../standins/wechat/server'
import { startTestApp, type TestApp } from '../../test/harness'
import { requestFrom } from '../../test/request-from'

let t: TestApp
/** code2Session calls that reached WeChat (the stand-in), counted at the app's WeChat client. */
let wechatCalls = 0
beforeAll(async () => {
  t = await startTestApp()
  const real = t.ctx.wechat.code2Session.bind(t.ctx.wechat)
  t.ctx.wechat.code2Session = (code) => {
    wechatCalls++
    return real(code)
  }
})
afterAll(() => t.close())

/** wx.login codes look like this: 32 letters and digits. */
const wellFormedBadCode = () => randomBytes(16).toString('hex')
const login = (code: string, from: string) => requestFrom(t.url, 'POST', '/api/auth/wechat-login', { from, body: { code } })
const injectFault = (errcode: number) =>
  fetch(`${t.standin.url}/dev/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ errcodes: [errcode] }),
  })

describe('wechat-login spends the WeChat quota only on what could be a real login', () => {
  it('300 bad codes from one address: after the limit 429 with Retry-After, WeChat is asked at most 60 times, and a resident elsewhere still logs in', async () => {
    const before = wechatCalls
    const replies = []
    for (let batch = 0; batch < 6; batch++) {
      replies.push(...(await Promise.all(Array.from({ length: 50 }, () => login(wellFormedBadCode(), '127.0.0.1')))))
    }
    const limited = replies.filter((r) => r.status === 429)
    expect(replies.filter((r) => r.status === 401).length).toBe(60)
    expect(limited.length).toBe(240)
    expect(limited[0]!.body.error).toMatchObject({ code: 'rate_limited', message: '登录尝试太频繁，请稍后再试' })
    expect(Number(limited[0]!.retryAfter)).toBeGreaterThanOrEqual(1)
    expect(Number(limited[0]!.retryAfter)).toBeLessThanOrEqual(60)
    expect(wechatCalls - before).toBeLessThanOrEqual(60)

    const resident = await login(await mintStandinCode(t.standin.url, 'demo-resident-1'), '127.0.0.2')
    expect(resident.status).toBe(200)
    expect(resident.body.user.role).toBe('resident')
  })

  it('a malformed code is refused with 400 and never sent to WeChat', async () => {
    const before = wechatCalls
    for (const code of [
      'x',
      '0123456789',
      'abc def ghi jkl mno pqr',
      '<script>alert(1)</script>',
      '登录凭证登录凭证登录凭证登录凭证',
      "' OR 1=1 -- aaaaaaaaaaaaaaaa",
      'a'.repeat(100),
    ]) {
      const res = await login(code, '127.0.0.3')
      expect(res.status).toBe(400)
      expect(res.body.error.code).toBe('validation_failed')
    }
    expect(wechatCalls).toBe(before)
  })

  it('the same code sent twice at once reaches WeChat once: one login, one refusal', async () => {
    const before = wechatCalls
    const code = await mintStandinCode(t.standin.url, 'demo-resident-2')
    const replies = await Promise.all([login(code, '127.0.0.4'), login(code, '127.0.0.4')])
    expect(replies.map((r) => r.status).sort()).toEqual([200, 401])
    expect(replies.find((r) => r.status === 401)!.body.error.code).toBe('wechat_invalid_code')
    expect(wechatCalls - before).toBe(1)
    // And again later, within the code's 5-minute life: still not sent.
    expect((await login(code, '127.0.0.4')).status).toBe(401)
    expect(wechatCalls - before).toBe(1)
  })

  it.each([
    [45011, 'wechat_rate_limited'],
    [-1, 'wechat_busy'],
  ])('WeChat errcode %i (quota spent, busy) is 503 %s with Retry-After, not the resident’s fault', async (errcode, code) => {
    await injectFault(errcode)
    const res = await login(await mintStandinCode(t.standin.url, 'demo-resident-3'), '127.0.0.5')
    expect(res.status).toBe(503)
    expect(res.body.error.code).toBe(code)
    expect(Number(res.retryAfter)).toBeGreaterThanOrEqual(1)
  })
})

describe('refresh and invite codes cannot be tried without end', () => {
  /** 127.0.0.1 spent its logins above. */
  const loginFrom = async (openid: string) =>
    (await login(await mintStandinCode(t.standin.url, openid), '127.0.0.10')).body.accessToken as string

  it('refresh: 120 a minute from one address, then 429 with Retry-After', async () => {
    const replies = await Promise.all(
      Array.from({ length: 125 }, () =>
        requestFrom(t.url, 'POST', '/api/auth/refresh', {
          from: '127.0.0.6',
          body: { refreshToken: randomBytes(32).toString('base64url') },
        }),
      ),
    )
    expect(replies.filter((r) => r.status === 401).length).toBe(120)
    const limited = replies.filter((r) => r.status === 429)
    expect(limited.length).toBe(5)
    expect(limited[0]!.body.error.code).toBe('rate_limited')
    expect(Number(limited[0]!.retryAfter)).toBeGreaterThanOrEqual(1)
  })

  it('invite codes: 10 tries per person and 30 per address in 10 minutes', async () => {
    const redeem = (token: string, from: string) =>
      requestFrom(t.url, 'POST', '/api/auth/redeem-invite', {
        from,
        token,
        body: { code: randomBytes(5).toString('hex').toUpperCase(), name: '王小明' },
      })
    const guesser = await loginFrom('demo-resident-4')
    const own = await Promise.all(Array.from({ length: 12 }, () => redeem(guesser, '127.0.0.7')))
    expect(own.filter((r) => r.status === 400 && r.body.error.code === 'invite_invalid').length).toBe(10)
    expect(own.filter((r) => r.status === 429).length).toBe(2)
    // From a new address too: the person's own limit holds.
    expect((await redeem(guesser, '127.0.0.8')).status).toBe(429)

    const others = await Promise.all(['demo-resident-1', 'demo-resident-2', 'demo-resident-3', 'demo-resident-5'].map(loginFrom))
    const fromOne = []
    for (const token of others) fromOne.push(...(await Promise.all(Array.from({ length: 8 }, () => redeem(token, '127.0.0.9')))))
    expect(fromOne.filter((r) => r.status === 400).length).toBe(30)
    expect(fromOne.filter((r) => r.status === 429).length).toBe(2)
  })
})
