import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import BindPage from '.'
import { peekPendingBuilding } from '../../services/pending-building'
import { saveStoredSession } from '../../services/session-storage'
import { boundMe, building, residentPair } from '../../test/fixtures'
import { notFound, serve } from '../../test/serve'
import { setRouterParams } from '../../test/setup-env'

beforeEach(() => {
  Taro.clearStorageSync()
  jest.spyOn(Taro, 'reLaunch').mockResolvedValue({ errMsg: 'reLaunch:ok' })
  jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' })
})
afterEach(() => {
  jest.restoreAllMocks()
  setRouterParams({})
})

function fakeServer() {
  return serve((call) => {
    if (call.url === '/api/places/communities')
      return { statusCode: 200, data: { items: [{ id: 3, name: '幸福社区', street: '幸福路街道' }] } }
    if (call.url === '/api/places/buildings/by-code/QS-111-01') return { statusCode: 200, data: building }
    if (call.url.startsWith('/api/places/buildings/by-code/')) return notFound('楼栋不存在')
    if (call.url.startsWith('/api/places/buildings?')) return { statusCode: 200, data: { items: [building] } }
    if (call.url === '/api/me/residence') return { statusCode: 200, data: boundMe }
    return notFound('接口不存在')
  })
}

describe('BindPage', () => {
  it('opens a QR link with the building chosen and binds it with the unit', async () => {
    saveStoredSession(residentPair)
    setRouterParams({ building: 'QS-111-01' })
    const calls = fakeServer()
    render(<BindPage />)

    const confirm = await screen.findByText('确认绑定到 幸福社区 3号楼')
    fireEvent.click(screen.getByText('1单元'))
    fireEvent.click(confirm)

    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' }))
    const put = calls.find((c) => c.url === '/api/me/residence')
    expect(put?.method).toBe('PUT')
    expect(put?.data).toEqual({ buildingId: 11, unitId: 21 })
  })

  it('says so when the QR code names no known building, and offers the search', async () => {
    saveStoredSession(residentPair)
    setRouterParams({ building: 'XX-404' })
    fakeServer()
    render(<BindPage />)
    expect(await screen.findByText('没有找到二维码上的楼栋（楼栋不存在），请在下面搜索。')).toBeTruthy()
    expect(screen.getByText('查找我住的楼栋')).toBeTruthy()
  })

  it('finds buildings by search and lets the resident pick one', async () => {
    saveStoredSession(residentPair)
    fakeServer()
    render(<BindPage />)
    fireEvent.click(screen.getByText('搜索'))
    fireEvent.click(await screen.findByText('幸福社区 3号楼'))
    expect(screen.getByText('确认绑定到 幸福社区 3号楼')).toBeTruthy()
  })

  it('keeps the building code through login when nobody is logged in', () => {
    setRouterParams({ building: 'QS-111-01' })
    const calls = fakeServer()
    render(<BindPage />)
    expect(peekPendingBuilding()).toBe('QS-111-01')
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' })
    expect(calls).toHaveLength(0)
  })
})
