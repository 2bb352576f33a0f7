import Taro from '@tarojs/taro'
import type { TokenPair } from '@anju/shared'
import { ApiRequestError, LOGIN_PAGE, messageOf, request } from './request'
import { loadStoredSession, saveStoredSession } from './session-storage'
import { serve } from '../test/serve'

const pair = (n: number): TokenPair => ({
  accessToken: `access-${n}`,
  refreshToken: `refresh-token-number-${n}-0123456789`,
  expiresIn: 900,
  user: { id: 1, role: 'resident', name: '李阿姨' },
})

const expired = { statusCode: 401, data: { error: { code: 'token_expired', message: '登录已过期，请重新登录' } } }

beforeEach(() => {
  Taro.clearStorageSync()
  jest.spyOn(Taro, 'reLaunch').mockResolvedValue({ errMsg: 'reLaunch:ok' })
  jest.spyOn(Taro, 'getCurrentPages').mockReturnValue([])
})
afterEach(() => jest.restoreAllMocks())

describe('request', () => {
  it('sends the bearer token and returns the body', async () => {
    saveStoredSession(pair(1))
    const calls = serve(() => ({ statusCode: 200, data: { ok: true } }))
    await expect(request('/api/me')).resolves.toEqual({ ok: true })
    expect(calls[0]?.url).toBe('/api/me')
    expect(calls[0]?.header?.Authorization).toBe('Bearer access-1')
  })

  it('turns the error body into an error with the Chinese message', async () => {
    saveStoredSession(pair(1))
    serve(() => ({ statusCode: 404, data: { error: { code: 'not_found', message: '楼栋不存在' } } }))
    const error = await request('/api/places/buildings/by-code/NOPE').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiRequestError)
    expect(error).toMatchObject({ status: 404, code: 'not_found', message: '楼栋不存在' })
  })

  it('says something sensible in Chinese when the body is not the error shape', async () => {
    serve(() => ({ statusCode: 502, data: null }))
    await expect(request('/api/auth/options', { auth: false })).rejects.toThrow('服务暂时不可用，请稍后再试')
  })

  it('reports a network failure in words a resident understands', async () => {
    jest.spyOn(Taro, 'request').mockImplementation((() => Promise.reject(new Error('request:fail'))) as never)
    await expect(request('/api/me')).rejects.toMatchObject({ code: 'network_error', message: '网络连接失败，请检查网络后重试' })
  })

  it('renews an expired token once and retries with the new one', async () => {
    saveStoredSession(pair(1))
    const calls = serve((call) => {
      if (call.url === '/api/auth/refresh') return { statusCode: 200, data: pair(2) }
      return call.header?.Authorization === 'Bearer access-2' ? { statusCode: 200, data: { name: 'ok' } } : expired
    })
    await expect(request('/api/me')).resolves.toEqual({ name: 'ok' })
    expect(calls.map((c) => c.url)).toEqual(['/api/me', '/api/auth/refresh', '/api/me'])
    expect(calls[1]?.data).toEqual({ refreshToken: pair(1).refreshToken })
    expect(loadStoredSession()?.refreshToken).toBe(pair(2).refreshToken)
  })

  it('shares one refresh between requests that expire together (refresh tokens rotate)', async () => {
    saveStoredSession(pair(1))
    const calls = serve((call) => {
      if (call.url === '/api/auth/refresh') return { statusCode: 200, data: pair(2) }
      return call.header?.Authorization === 'Bearer access-2' ? { statusCode: 200, data: call.url } : expired
    })
    const results = await Promise.all([request('/api/me'), request('/api/me/building-lead'), request('/api/places/communities')])
    expect(results).toEqual(['/api/me', '/api/me/building-lead', '/api/places/communities'])
    expect(calls.filter((c) => c.url === '/api/auth/refresh')).toHaveLength(1)
  })

  it('goes to the login page when the session cannot be renewed', async () => {
    saveStoredSession(pair(1))
    const calls = serve((call) =>
      call.url === '/api/auth/refresh'
        ? { statusCode: 401, data: { error: { code: 'unauthenticated', message: '登录信息无效，请重新登录' } } }
        : expired,
    )
    await expect(request('/api/me')).rejects.toMatchObject({ status: 401, message: '登录已过期，请重新登录' })
    expect(calls.filter((c) => c.url === '/api/auth/refresh')).toHaveLength(1)
    expect(loadStoredSession()).toBeNull()
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: LOGIN_PAGE })
  })

  it('does not try to renew on public endpoints', async () => {
    saveStoredSession(pair(1))
    const calls = serve(() => ({ statusCode: 401, data: { error: { code: 'wechat_invalid_code', message: '微信登录凭证无效，请重试' } } }))
    await expect(request('/api/auth/wechat-login', { method: 'POST', data: { code: 'x' }, auth: false })).rejects.toThrow(
      '微信登录凭证无效，请重试',
    )
    expect(calls).toHaveLength(1)
    expect(calls[0]?.header?.Authorization).toBeUndefined()
    expect(loadStoredSession()).not.toBeNull()
  })

  it('puts query parameters in the URL and leaves empty ones out', async () => {
    saveStoredSession(pair(1))
    const calls = serve(() => ({ statusCode: 200, data: { items: [] } }))
    await request('/api/places/buildings', { query: { q: '3号楼', communityId: 4, limit: undefined } })
    expect(calls[0]?.url).toBe('/api/places/buildings?q=3%E5%8F%B7%E6%A5%BC&communityId=4')
  })
})

describe('busy and rate-limited answers (429, 503)', () => {
  const rateLimited = (seconds: string) => ({
    statusCode: 429,
    header: { 'Retry-After': seconds },
    data: { error: { code: 'rate_limited', message: '发送太频繁，请稍等一分钟再发' } },
  })
  const busy = (code: string, message: string, seconds: string) => ({
    statusCode: 503,
    header: { 'retry-after': seconds },
    data: { error: { code, message } },
  })

  /** Runs `call` with fake timers, letting any wait for Retry-After pass; returns its outcome. */
  async function withClock<T>(call: () => Promise<T>): Promise<T | unknown> {
    jest.useFakeTimers()
    try {
      const outcome = call().catch((e: unknown) => e)
      await jest.runAllTimersAsync()
      return await outcome
    } finally {
      jest.useRealTimers()
    }
  }

  it.each([
    ['rate_limited', 429, '发送太频繁，请稍等一分钟再发'],
    ['unavailable', 503, '服务暂时不可用（数据库连接中断），请稍后再试'],
    ['wechat_busy', 503, '微信系统繁忙，请稍后再试'],
    ['wechat_rate_limited', 503, '登录的人太多，请一分钟后再试'],
  ])('%s: the server’s Chinese message reaches the error, with retryAfterSeconds', async (code, statusCode, message) => {
    saveStoredSession(pair(1))
    serve(() => ({ statusCode, header: { 'Retry-After': '60' }, data: { error: { code, message } } }))
    const error = await request('/api/conversations/1/messages', { method: 'POST', data: { text: '你好' } }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiRequestError)
    expect(error).toMatchObject({ status: statusCode, code, message, retryAfterSeconds: 60 })
    expect(messageOf(error)).toBe(message)
  })

  it('a GET told to come back within 5 s is asked once more after that wait', async () => {
    saveStoredSession(pair(1))
    let n = 0
    const calls = serve(() =>
      ++n === 1 ? busy('unavailable', '服务暂时不可用（数据库连接中断），请稍后再试', '5') : { statusCode: 200, data: { ok: true } },
    )
    expect(await withClock(() => request('/api/me'))).toEqual({ ok: true })
    expect(calls).toHaveLength(2)
  })

  it('a GET is asked again only once, and not when the wait is longer than 5 s', async () => {
    saveStoredSession(pair(1))
    const calls = serve(() => busy('wechat_busy', '微信系统繁忙，请稍后再试', '2'))
    expect(await withClock(() => request('/api/me'))).toMatchObject({ code: 'wechat_busy', retryAfterSeconds: 2 })
    expect(calls).toHaveLength(2)
    const later = serve(() => rateLimited('60'))
    expect(await withClock(() => request('/api/me'))).toMatchObject({ code: 'rate_limited', retryAfterSeconds: 60 })
    expect(later).toHaveLength(1)
  })

  it('a state-changing request without a client key is never repeated automatically', async () => {
    saveStoredSession(pair(1))
    const calls = serve(() => rateLimited('1'))
    expect(await withClock(() => request('/api/me', { method: 'PATCH', data: { name: '李阿姨' } }))).toMatchObject({
      status: 429,
      retryAfterSeconds: 1,
    })
    expect(calls).toHaveLength(1)
  })

  it('one that carries its client key is repeated once, with the same key', async () => {
    saveStoredSession(pair(1))
    let n = 0
    const calls = serve(() => (++n === 1 ? rateLimited('1') : { statusCode: 201, data: { id: 9 } }))
    const data = { clientKey: '0f8fad5b-d9cb-469f-a165-70867728950e', text: '已处理' }
    expect(await withClock(() => request('/api/tickets/1/actions', { method: 'POST', data }))).toEqual({ id: 9 })
    expect(calls.map((c) => c.data)).toEqual([data, data])
  })
})
