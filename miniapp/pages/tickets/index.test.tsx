import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import TicketsPage from '.'
import { signIn } from '../../stores/session'
import { boundMe, residentPair } from '../../test/fixtures'
import { serve } from '../../test/serve'
import { summary } from '../../test/ticket-fixtures'

beforeEach(() => {
  Taro.clearStorageSync()
  jest.spyOn(Taro, 'reLaunch').mockResolvedValue({ errMsg: 'reLaunch:ok' })
  jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never)
})
afterEach(() => jest.restoreAllMocks())

describe('我的工单', () => {
  it('lists my tickets by tab and loads more with the cursor', async () => {
    signIn(residentPair)
    const calls = serve((call) => {
      if (call.url === '/api/me') return { statusCode: 200, data: boundMe }
      if (call.url === '/api/tickets/mine?tab=all&limit=20') return { statusCode: 200, data: { items: [summary()], nextCursor: 'c1' } }
      if (call.url === '/api/tickets/mine?tab=all&cursor=c1&limit=20') {
        return {
          statusCode: 200,
          data: { items: [summary({ id: 41, title: '小区门口路灯不亮', status: 'resolved', statusText: '已办结' })], nextCursor: null },
        }
      }
      return { statusCode: 200, data: { items: [], nextCursor: null } }
    })
    render(<TicketsPage />)

    expect(await screen.findByText('3号楼2单元楼道堆满杂物，堵住了消防通道')).toBeTruthy()
    expect(screen.getByText('待受理')).toBeTruthy()
    expect(screen.getByText('提交于 11月23日 14:05')).toBeTruthy()
    fireEvent.click(screen.getByText('加载更多'))
    expect(await screen.findByText('小区门口路灯不亮')).toBeTruthy()
    expect(screen.getByText('已办结，请您评价 ›')).toBeTruthy()
    expect(screen.getByText('没有更多了')).toBeTruthy()

    fireEvent.click(screen.getByText('3号楼2单元楼道堆满杂物，堵住了消防通道'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/ticket/index?id=42' })

    fireEvent.click(screen.getByText('办理中'))
    expect(await screen.findByText('没有正在办理的工单')).toBeTruthy()
    expect(calls.some((c) => c.url === '/api/tickets/mine?tab=open&limit=20')).toBe(true)
    fireEvent.click(screen.getByText('去上报'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/report/index?kind=hazard' })
  })

  it('shows staff the workbench, not my tickets', async () => {
    signIn({ ...residentPair, user: { id: 7, role: 'officer', name: '王建国' } })
    const officerMe = { ...boundMe, residence: null, user: { id: 7, role: 'officer', name: '王建国' } }
    const emptyWorkbench = { items: [], nextCursor: null, counts: { pending: 0, active: 0, warning: 0, overdue: 0 } }
    const calls = serve((call) => ({ statusCode: 200, data: call.url === '/api/me' ? officerMe : emptyWorkbench }))
    const { container } = render(<TicketsPage />)
    await waitFor(() => expect(calls.some((c) => c.url === '/api/me')).toBe(true))
    expect(calls.some((c) => c.url.startsWith('/api/tickets/mine'))).toBe(false)
    expect(container.querySelector('.my-tabs')).toBeNull()
  })
})
