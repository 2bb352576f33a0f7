import Taro from '@tarojs/taro'
import type { TokenPair } from '@anju/shared'
import { ApiRequestError, LOGIN_PAGE, request } from './request'
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
    await expect(request('/api/auth/wechat-login', { method: 'POST', data: { code: 'x' }, auth: false })).rejects.toThrow('微信登录凭证无效，请重试')
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
