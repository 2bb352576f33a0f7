import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import LoginPage from '.'
import { loadStoredSession } from '../../services/session-storage'
import { residentPair } from '../../test/fixtures'
import { serve } from '../../test/serve'

const options = {
  demo: true,
  identities: [
    { key: 'demo-resident-1', label: '居民 李阿姨', role: 'resident', description: '幸福社区 3号楼，楼长民警在岗' },
    { key: 'demo-officer-1', label: '楼长民警 王建国', role: 'officer', description: '负责幸福社区 6 栋楼' },
  ],
}

beforeEach(() => {
  Taro.clearStorageSync()
  jest.spyOn(Taro, 'reLaunch').mockResolvedValue({ errMsg: 'reLaunch:ok' })
})
afterEach(() => jest.restoreAllMocks())

describe('LoginPage', () => {
  it('logs in with a demo identity in one tap and goes to the home page', async () => {
    const calls = serve((call) => {
      if (call.url === '/api/auth/options') return { statusCode: 200, data: options }
      if (call.url === '/api/auth/demo-code') return { statusCode: 200, data: { code: 'demo-code-123' } }
      if (call.url === '/api/auth/wechat-login') return { statusCode: 200, data: residentPair }
      return { statusCode: 404, data: null }
    })
    render(<LoginPage />)

    fireEvent.click(await screen.findByText('居民 李阿姨'))
    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' }))
    expect(calls.find((c) => c.url === '/api/auth/demo-code')?.data).toEqual({ key: 'demo-resident-1' })
    expect(calls.find((c) => c.url === '/api/auth/wechat-login')?.data).toEqual({ code: 'demo-code-123' })
    expect(loadStoredSession()?.accessToken).toBe('access-resident')
  })

  it('shows the WeChat error message when login fails', async () => {
    serve((call) => {
      if (call.url === '/api/auth/options') return { statusCode: 200, data: options }
      if (call.url === '/api/auth/demo-code') return { statusCode: 200, data: { code: 'stale' } }
      return { statusCode: 400, data: { error: { code: 'wechat_invalid_code', message: '微信登录凭证已失效，请重新登录' } } }
    })
    render(<LoginPage />)
    fireEvent.click(await screen.findByText('楼长民警 王建国'))
    expect(await screen.findByText('微信登录凭证已失效，请重新登录')).toBeTruthy()
    expect(Taro.reLaunch).not.toHaveBeenCalled()
  })

  it('has no WeChat one-tap login in the browser (H5)', async () => {
    serve(() => ({ statusCode: 200, data: { demo: false, identities: [] } }))
    render(<LoginPage />)
    await waitFor(() => expect(Taro.request).toHaveBeenCalled())
    expect(screen.queryByText('微信一键登录')).toBeNull()
    expect(screen.queryByText('演示账号')).toBeNull()
  })
})
