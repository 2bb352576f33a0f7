import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { BuildingLeadCard, DeskOverview, Invite, Me } from '@anju/shared'
import IndexPage from '.'
import { peekPendingBuilding } from '../../services/pending-building'
import { saveStoredSession } from '../../services/session-storage'
import { boundMe, residentPair } from '../../test/fixtures'
import { notice } from '../../test/message-fixtures'
import { notFound, serve } from '../../test/serve'
import { setRouterParams } from '../../test/setup-env'

const lead: BuildingLeadCard = {
  building: { id: 11, name: '3号楼', community: '幸福社区', street: '幸福路街道', address: null },
  officer: {
    userId: 7,
    name: '王建国',
    policeNumber: '150201',
    phone: '13800000007',
    photoUrl: null,
    station: '幸福路派出所',
    duties: ['安全员'],
    dutyHoursText: '每天 08:00–20:00',
    onDuty: true,
    status: 'on_duty',
    statusText: '在岗',
  },
  cover: null,
}

beforeEach(() => {
  Taro.clearStorageSync()
  jest.spyOn(Taro, 'reLaunch').mockResolvedValue({ errMsg: 'reLaunch:ok' })
  jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never)
})
afterEach(() => {
  jest.restoreAllMocks()
  setRouterParams({})
})

/** The key of one 生成邀请码 intent. */
const UUID = expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)

describe('首页', () => {
  it('sends a visitor to the login page, keeping the building from the QR link', () => {
    setRouterParams({ building: 'QS-111-01' })
    render(<IndexPage />)
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' })
    expect(peekPendingBuilding()).toBe('QS-111-01')
  })

  it('after login, takes a resident with a pending QR code straight to the bind page', async () => {
    saveStoredSession(residentPair)
    Taro.setStorageSync('anju.pendingBuilding', 'QS-111-01')
    serve(() => ({ statusCode: 200, data: { ...boundMe, residence: null } }))
    render(<IndexPage />)
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/bind/index?building=QS-111-01' }))
    expect(peekPendingBuilding()).toBeNull()
  })

  it('asks a resident without a building to bind one, and keeps 110 one tap away', async () => {
    saveStoredSession(residentPair)
    const call = jest.spyOn(Taro, 'makePhoneCall').mockResolvedValue({ errMsg: 'makePhoneCall:ok' })
    serve(() => ({ statusCode: 200, data: { ...boundMe, residence: null } }))
    render(<IndexPage />)

    fireEvent.click(await screen.findByText('绑定我的楼栋'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/bind/index' })
    expect(screen.getByText('紧急情况请拨打 110')).toBeTruthy()
    fireEvent.click(screen.getByText('拨打 110'))
    expect(call).toHaveBeenCalledWith({ phoneNumber: '110' })
  })

  it('shows a bound resident their address, their building-lead officer and the newest unread notice', async () => {
    saveStoredSession(residentPair)
    jest.spyOn(Taro, 'switchTab').mockResolvedValue({ errMsg: 'switchTab:ok' } as never)
    const notices = { items: [notice(2, { read: true, title: '已经读过的通知' }), notice(1)], nextCursor: null }
    serve((c) => {
      if (c.url === '/api/me') return { statusCode: 200, data: boundMe }
      if (c.url.startsWith('/api/notices')) return { statusCode: 200, data: notices }
      return { statusCode: 200, data: lead }
    })
    render(<IndexPage />)
    expect(await screen.findByText('幸福社区 · 3号楼 · 2单元')).toBeTruthy()
    expect(await screen.findByText('王建国')).toBeTruthy()
    expect(screen.getByText('在岗')).toBeTruthy()
    expect(await screen.findByText('警惕冒充公检法的电话诈骗')).toBeTruthy()
    expect(screen.queryByText('已经读过的通知')).toBeNull()
    fireEvent.click(screen.getByText('查看全部社区通知'))
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/messages/index' })
  })

  it('falls back to the bind prompt when the server says the resident is not bound', async () => {
    saveStoredSession(residentPair)
    serve((c) => (c.url === '/api/me' ? { statusCode: 200, data: boundMe } : notFound('尚未绑定楼栋')))
    render(<IndexPage />)
    expect(await screen.findByText('绑定我的楼栋')).toBeTruthy()
  })

  it('gives the duty desk its scope, its officers and a one-time invite code', async () => {
    const dispatcher: Me = {
      user: { id: 9, role: 'dispatcher', name: '值班员小刘' },
      residence: null,
      scope: { id: 2, level: 'street', name: '幸福路街道' },
    }
    const overview: DeskOverview = {
      scope: dispatcher.scope!,
      dutyDesk: { id: 1, name: '幸福路街道值班台', phone: '0472-5100110', placeName: '幸福路街道' },
      buildings: 12,
      buildingsWithoutOfficer: 1,
      residents: 240,
      officers: [{ userId: 7, name: '王建国', policeNumber: '150201', onDuty: false, buildings: 6 }],
    }
    const invite: Invite = {
      id: 3,
      role: 'officer',
      place: { id: 2, name: '幸福路街道', level: 'street' },
      expiresAt: '2030-01-01T00:00:00.000Z',
      usedAt: null,
      code: 'K7P2QX9M',
    }
    saveStoredSession({ ...residentPair, user: dispatcher.user })
    let lose = true
    const calls = serve((c) => {
      if (c.url === '/api/me') return { statusCode: 200, data: dispatcher }
      if (c.url === '/api/desk/overview') return { statusCode: 200, data: overview }
      if (c.url === '/api/invites' && c.method === 'POST') {
        if (lose) {
          lose = false
          throw new Error('timeout')
        }
        return { statusCode: 201, data: invite }
      }
      return { statusCode: 200, data: { items: [] } }
    })
    render(<IndexPage />)

    expect(await screen.findByText('幸福路街道')).toBeTruthy()
    expect(screen.getByText('240')).toBeTruthy()
    expect(screen.getByText('未配楼长民警')).toBeTruthy()
    expect(screen.getByText('休息')).toBeTruthy()

    fireEvent.click(await screen.findByText('生成邀请码'))
    expect(await screen.findByText('网络连接失败，请检查网络后重试')).toBeTruthy()
    fireEvent.click(screen.getByText('生成邀请码'))
    expect(await screen.findByText('K7P2QX9M')).toBeTruthy()
    fireEvent.click(screen.getByText('生成邀请码'))
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(3))
    const posts = calls.filter((c) => c.method === 'POST').map((c) => c.data as { clientKey: string })
    expect(posts[0]).toEqual({ role: 'officer', placeId: 2, expiresInHours: 72, clientKey: UUID })
    // The retry after the lost answer is the same invite to the server; the next tap is a new one.
    expect(posts[1]!.clientKey).toBe(posts[0]!.clientKey)
    expect(posts[2]!.clientKey).not.toBe(posts[0]!.clientKey)
  })
})
