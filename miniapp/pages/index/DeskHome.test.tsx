import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { DeskAlert, DeskOverview, Me } from '@anju/shared'
import DeskHome from './DeskHome'
import OfficerHome from './OfficerHome'
import { saveStoredSession } from '../../services/session-storage'
import { takeRequestedWorkbenchTab } from '../../services/workbench'
import { dispatcherPair, officerPair, summary } from '../../test/staff-fixtures'
import { serve } from '../../test/serve'

const desk: Me = { user: dispatcherPair.user, residence: null, scope: { id: 2, level: 'street', name: '幸福路街道' } }
const overview: DeskOverview = {
  scope: { id: 2, level: 'street', name: '幸福路街道' },
  dutyDesk: null,
  buildings: 12,
  buildingsWithoutOfficer: 0,
  residents: 240,
  officers: [],
}
const alerts: DeskAlert[] = [
  {
    id: 1,
    kind: 'sla_breach',
    ticket: summary(5, { title: '楼道堆放杂物', placeName: '幸福社区 3号楼' }),
    createdAt: new Date().toISOString(),
  },
  { id: 2, kind: 'urgent', ticket: summary(6, { title: '闻到煤气味', placeName: '和平社区 1号楼' }), createdAt: new Date().toISOString() },
]
const counts = { pending: 4, active: 7, warning: 2, overdue: 1 }

beforeEach(() => {
  Taro.clearStorageSync()
  jest.spyOn(Taro, 'switchTab').mockResolvedValue({ errMsg: 'switchTab:ok' })
  jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never)
})
afterEach(() => jest.restoreAllMocks())

describe('值班台首页的工单', () => {
  it('lists unacknowledged alerts, clears one with 知道了, and opens another', async () => {
    saveStoredSession(dispatcherPair)
    const calls = serve((c) => {
      if (c.url === '/api/desk/overview') return { statusCode: 200, data: overview }
      if (c.url === '/api/desk/alerts') return { statusCode: 200, data: { items: alerts, unacknowledged: 2 } }
      if (c.url.endsWith('/ack')) return { statusCode: 204, data: null }
      if (c.url.startsWith('/api/workbench')) return { statusCode: 200, data: { items: [], nextCursor: null, counts } }
      return { statusCode: 200, data: { items: [] } }
    })
    render(<DeskHome me={desk} refreshKey={1} />)

    expect(await screen.findByText('值班提醒（2 条未处理）')).toBeTruthy()
    const kinds = Array.from(document.querySelectorAll('.desk-alerts__kind')).map((e) => e.textContent)
    expect(kinds).toEqual(['已超时', '紧急'])
    expect(screen.getByText(/幸福社区 3号楼/)).toBeTruthy()

    fireEvent.click(screen.getAllByText('知道了')[0]!)
    await waitFor(() => expect(screen.queryByText('楼道堆放杂物')).toBeNull())
    expect(calls.some((c) => c.url === '/api/desk/alerts/1/ack' && c.method === 'POST')).toBe(true)
    expect(screen.getByText('值班提醒（1 条未处理）')).toBeTruthy()
    expect(Taro.navigateTo).not.toHaveBeenCalled()

    fireEvent.click(screen.getByText('闻到煤气味'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/ticket/index?id=6' })
  })

  it('shows the open work as tiles that open the 工单 tab on that list', async () => {
    saveStoredSession(dispatcherPair)
    const calls = serve((c) => {
      if (c.url === '/api/desk/overview') return { statusCode: 200, data: overview }
      if (c.url.startsWith('/api/workbench')) return { statusCode: 200, data: { items: [], nextCursor: null, counts } }
      return { statusCode: 200, data: { items: [], unacknowledged: 0 } }
    })
    render(<DeskHome me={desk} refreshKey={1} />)

    fireEvent.click(await screen.findByLabelText('已超时 1 件'))
    expect(screen.getByLabelText('待受理 4 件')).toBeTruthy()
    expect(screen.getByLabelText('即将超时 2 件')).toBeTruthy()
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/tickets/index' })
    expect(takeRequestedWorkbenchTab()).toBe('overdue')
    expect(calls.find((c) => c.url.startsWith('/api/workbench'))?.url).toContain('view=scope')
    expect(screen.getByText('暂无新提醒。')).toBeTruthy()
  })

  it('gives an officer their own counts', async () => {
    saveStoredSession(officerPair)
    const calls = serve((c) => {
      if (c.url.startsWith('/api/workbench')) return { statusCode: 200, data: { items: [], nextCursor: null, counts } }
      return {
        statusCode: 200,
        data: {
          officer: {
            userId: 7,
            name: '王建国',
            policeNumber: '150201',
            phone: '1',
            photoUrl: null,
            station: '幸福路派出所',
            duties: [],
            dutyHoursText: '每天',
            onDuty: true,
            status: 'on_duty',
            statusText: '在岗',
          },
          buildings: [],
          totalResidents: 0,
        },
      }
    })
    render(<OfficerHome refreshKey={1} />)
    expect(await screen.findByLabelText('待受理 4 件')).toBeTruthy()
    expect(calls.find((c) => c.url.startsWith('/api/workbench'))?.url).toContain('view=mine')
  })
})
