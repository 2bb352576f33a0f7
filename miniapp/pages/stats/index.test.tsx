import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { Me, StatsRow, TicketStats } from '@anju/shared'
import StatsPage from '.'
import { saveStoredSession } from '../../services/session-storage'
import { signIn } from '../../stores/session'
import { dispatcherPair } from '../../test/staff-fixtures'
import { serve } from '../../test/serve'
import { periodRange } from '../../utils/dates'

const desk: Me = { user: dispatcherPair.user, residence: null, scope: { id: 2, level: 'street', name: '幸福路街道' } }

const row = (key: string, label: string, count: number, patch: Partial<StatsRow> = {}): StatsRow => ({
  key,
  label,
  count,
  closed: count,
  avgAcceptMinutes: 42,
  avgResolveMinutes: 1560,
  onTimeRate: 0.9,
  satisfactionRate: 1,
  rated: count,
  ...patch,
})

const stats: TicketStats = {
  scope: { id: 2, name: '幸福路街道', level: 'street' },
  from: '2025-11-01',
  to: '2025-11-03',
  total: row('total', '合计', 15, { closed: 12, onTimeRate: 0.875, satisfactionRate: 0.98, rated: 50 }),
  byCategory: [row('3', '消防通道堵塞', 10), row('4', '邻里纠纷', 5)],
  byPlace: [row('21', '幸福社区', 12), row('22', '和平社区', 3)],
  byDay: [
    { day: '2025-11-01', count: 4 },
    { day: '2025-11-03', count: 8 },
  ],
}

const widthOf = (label: string) => (screen.getByLabelText(label) as HTMLElement).style.width
const heightOf = (label: string) => ((screen.getByLabelText(label) as HTMLElement).firstElementChild as HTMLElement).style.height

beforeEach(() => {
  Taro.clearStorageSync()
  saveStoredSession(dispatcherPair)
  signIn(dispatcherPair)
})
afterEach(() => jest.restoreAllMocks())

describe('工单统计', () => {
  it('shows the totals as figures and percentages, and bars in proportion to the counts', async () => {
    const calls = serve((c) => {
      if (c.url === '/api/me') return { statusCode: 200, data: desk }
      if (c.url.startsWith('/api/places/communities'))
        return {
          statusCode: 200,
          data: {
            items: [
              { id: 21, name: '幸福社区', street: '幸福路街道' },
              { id: 30, name: '别处社区', street: '别的街道' },
            ],
          },
        }
      return { statusCode: 200, data: stats }
    })
    render(<StatsPage />)

    expect(await screen.findByLabelText('受理量 15')).toBeTruthy()
    expect(screen.getByLabelText('按时办结率 87.5%')).toBeTruthy()
    expect(screen.getByLabelText('满意率 98%')).toBeTruthy()
    expect(screen.getByLabelText('平均受理时长 42分钟')).toBeTruthy()
    expect(screen.getByLabelText('平均办结时长 1.1天')).toBeTruthy()

    expect(widthOf('消防通道堵塞 10 件')).toBe('100%')
    expect(widthOf('邻里纠纷 5 件')).toBe('50%')
    expect(widthOf('幸福社区 12 件')).toBe('100%')
    expect(widthOf('和平社区 3 件')).toBe('25%')
    // Every day has a column, the quiet day too.
    expect(heightOf('11月3日 8 件')).toBe('100%')
    expect(heightOf('11月1日 4 件')).toBe('50%')
    expect(heightOf('11月2日 0 件')).toBe('0%')

    const month = periodRange('this_month', Date.now())
    const first = calls.find((c) => c.url.startsWith('/api/stats'))!
    expect(first.url).toBe(`/api/stats?from=${month.from}&to=${month.to}`)
  })

  it('switches the period to 近7天', async () => {
    const calls = serve((c) =>
      c.url === '/api/me'
        ? { statusCode: 200, data: desk }
        : { statusCode: 200, data: c.url.startsWith('/api/stats') ? stats : { items: [] } },
    )
    render(<StatsPage />)
    await screen.findByLabelText('受理量 15')
    fireEvent.click(screen.getByText('近7天'))
    const week = periodRange('last_7_days', Date.now())
    await waitFor(() => expect(calls.some((c) => c.url === `/api/stats?from=${week.from}&to=${week.to}`)).toBe(true))
  })

  it('exports the CSV through the request layer in H5', async () => {
    const createObjectURL = jest.fn(() => 'blob:stats')
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() })
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined)
    jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' })
    const calls = serve((c) => {
      if (c.url === '/api/me') return { statusCode: 200, data: desk }
      if (c.url.startsWith('/api/stats.csv')) return { statusCode: 200, data: '分组,名称,受理量\r\n合计,合计,15\r\n' }
      return { statusCode: 200, data: c.url.startsWith('/api/stats') ? stats : { items: [] } }
    })
    render(<StatsPage />)
    await screen.findByLabelText('受理量 15')
    fireEvent.click(screen.getByText('导出CSV'))

    await waitFor(() => expect(click).toHaveBeenCalled())
    const csvCall = calls.find((c) => c.url.startsWith('/api/stats.csv')) as { header?: Record<string, string>; dataType?: string }
    expect(csvCall.header?.Authorization).toBe('Bearer access-desk')
    expect(csvCall.dataType).toBe('text')
    expect(createObjectURL).toHaveBeenCalled()
  })
})
