import Taro from '@tarojs/taro'
import { saveStoredSession } from './session-storage'
import { badgeText, clearUnread, getUnread, refreshUnread } from './unread'
import { residentPair } from '../test/fixtures'
import { serve } from '../test/serve'

beforeEach(() => {
  Taro.clearStorageSync()
  saveStoredSession(residentPair)
  jest.spyOn(Taro, 'setTabBarBadge').mockResolvedValue({ errMsg: 'setTabBarBadge:ok' })
  jest.spyOn(Taro, 'removeTabBarBadge').mockResolvedValue({ errMsg: 'removeTabBarBadge:ok' })
})
afterEach(() => jest.restoreAllMocks())

describe('the unread badge on the 消息 tab', () => {
  it('shows the count, and takes it away once everything is read', async () => {
    let total = 3
    serve(() => ({ statusCode: 200, data: { messages: total - 1, notices: 1, total } }))
    await refreshUnread()
    expect(getUnread().total).toBe(3)
    expect(Taro.setTabBarBadge).toHaveBeenCalledWith({ index: 2, text: '3' })
    total = 0
    await refreshUnread()
    await Promise.resolve()
    expect(Taro.removeTabBarBadge).toHaveBeenCalledWith({ index: 2 })
    clearUnread()
  })

  it('asks the server once for callers that come together, and keeps big counts short', async () => {
    const calls = serve(() => ({ statusCode: 200, data: { messages: 120, notices: 0, total: 120 } }))
    await Promise.all([refreshUnread(), refreshUnread(), refreshUnread()])
    expect(calls).toHaveLength(1)
    expect(Taro.setTabBarBadge).toHaveBeenCalledWith({ index: 2, text: '99+' })
    expect(badgeText(7)).toBe('7')
  })
})
