import { fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import ResidentHome from './ResidentHome'
import { saveStoredSession } from '../../services/session-storage'
import { boundMe, residentPair } from '../../test/fixtures'
import { serve } from '../../test/serve'

beforeEach(() => {
  Taro.clearStorageSync()
  saveStoredSession(residentPair)
  jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never)
  jest.spyOn(Taro, 'switchTab').mockResolvedValue({ errMsg: 'switchTab:ok' } as never)
})
afterEach(() => jest.restoreAllMocks())

describe('居民首页: 我要反映', () => {
  it('opens 上报 for a hazard or a dispute, and 我的工单, with 110 still on top', () => {
    serve(() => ({ statusCode: 404, data: { error: { code: 'not_found', message: '尚未绑定楼栋' } } }))
    render(<ResidentHome me={boundMe} refreshKey={1} />)
    expect(screen.getByText('紧急情况请拨打 110')).toBeTruthy()
    fireEvent.click(screen.getByText('隐患上报'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/report/index?kind=hazard' })
    fireEvent.click(screen.getByText('矛盾纠纷'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/report/index?kind=dispute' })
    fireEvent.click(screen.getByText('查看我的工单和办理进度'))
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/tickets/index' })
  })
})
