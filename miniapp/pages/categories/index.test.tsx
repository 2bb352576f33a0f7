import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { Me, TicketCategory } from '@anju/shared'
import CategoriesPage from '.'
import { saveStoredSession } from '../../services/session-storage'
import { signIn } from '../../stores/session'
import { dispatcherPair } from '../../test/staff-fixtures'
import { serve, type Call } from '../../test/serve'

const districtDesk: Me = { user: dispatcherPair.user, residence: null, scope: { id: 1, level: 'district', name: '青山区' } }
const streetDesk: Me = { ...districtDesk, scope: { id: 2, level: 'street', name: '幸福路街道' } }

const gas: TicketCategory = {
  id: 3,
  kind: 'hazard',
  name: '燃气用电',
  sortOrder: 10,
  active: true,
  routeTo: 'building_lead',
  alertDesk: true,
  acceptMinutes: 60,
  resolveMinutes: 1440,
  urgentAcceptMinutes: 15,
  urgentResolveMinutes: 240,
  warnAtPercent: 80,
}

function serveAs(
  me: Me,
  onWrite: (c: Call) => { statusCode: number; data: unknown } = (c) => ({ statusCode: 200, data: { ...gas, ...(c.data as object) } }),
) {
  return serve((c) => {
    if (c.url === '/api/me') return { statusCode: 200, data: me }
    if (c.method === 'PUT' || c.method === 'POST') return onWrite(c)
    return { statusCode: 200, data: { items: [gas] } }
  })
}

const typeInto = (label: string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } })
const writes = (calls: Call[]) => calls.filter((c) => c.method === 'PUT' || c.method === 'POST')

beforeEach(() => {
  Taro.clearStorageSync()
  saveStoredSession(dispatcherPair)
  signIn(dispatcherPair)
  jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' })
})
afterEach(() => jest.restoreAllMocks())

describe('问题类别与办理时限', () => {
  it('lists each category with its routing and time limits', async () => {
    serveAs(districtDesk)
    render(<CategoriesPage />)
    expect(await screen.findByText('燃气用电')).toBeTruthy()
    expect(screen.getByText('受理时限 1小时 · 办结时限 1天')).toBeTruthy()
    expect(screen.getByText('紧急：受理 15分钟 · 办结 4小时')).toBeTruthy()
    expect(screen.getByText('新工单同时提醒值班台')).toBeTruthy()
  })

  it('refuses a limit under 5 minutes and a 办结 shorter than 受理, sending nothing', async () => {
    const calls = serveAs(districtDesk)
    render(<CategoriesPage />)
    fireEvent.click(await screen.findByText('修改'))

    expect((screen.getByLabelText('受理时限') as HTMLInputElement).value).toBe('1')
    typeInto('紧急工单受理时限', '3')
    fireEvent.click(screen.getByText('保存'))
    expect(await screen.findByText('时限至少 5 分钟')).toBeTruthy()

    typeInto('紧急工单受理时限', '15')
    typeInto('受理时限', '48')
    fireEvent.click(screen.getByText('保存'))
    expect(await screen.findByText('办结时限不能短于受理时限')).toBeTruthy()
    expect(writes(calls)).toHaveLength(0)
  })

  it('saves the limits in minutes', async () => {
    const calls = serveAs(districtDesk)
    render(<CategoriesPage />)
    fireEvent.click(await screen.findByText('修改'))
    typeInto('受理时限', '2')
    typeInto('预警比例', '90')
    fireEvent.click(screen.getByText('保存'))

    await waitFor(() => expect(writes(calls)).toHaveLength(1))
    expect(writes(calls)[0]).toMatchObject({ url: '/api/ticket-categories/3', method: 'PUT' })
    expect(writes(calls)[0]!.data).toMatchObject({
      name: '燃气用电',
      acceptMinutes: 120,
      resolveMinutes: 1440,
      urgentAcceptMinutes: 15,
      warnAtPercent: 90,
      alertDesk: true,
    })
  })

  it('keeps a street desk to reading, and says so', async () => {
    serveAs(streetDesk)
    render(<CategoriesPage />)
    expect(await screen.findByText('燃气用电')).toBeTruthy()
    expect(await screen.findByText('只有区级值班台和系统管理员可以修改问题类别和办理时限。')).toBeTruthy()
    expect(screen.queryByText('修改')).toBeNull()
    expect(screen.queryByText('新增类别')).toBeNull()
  })

  it('shows the server’s refusal when it answers 403', async () => {
    serveAs(districtDesk, () => ({
      statusCode: 403,
      data: { error: { code: 'forbidden', message: '只有区级值班台可以修改分类和办理时限' } },
    }))
    render(<CategoriesPage />)
    fireEvent.click(await screen.findByText('新增类别'))
    typeInto('名称', '高空抛物')
    fireEvent.click(screen.getByText('保存'))
    expect(await screen.findByText('只有区级值班台可以修改分类和办理时限')).toBeTruthy()
  })

  it('a new category carries the key made when the form opened, the same on a retry, a new one for the next form', async () => {
    let lose = true
    const calls = serveAs(districtDesk, (c) => {
      if (lose) {
        lose = false
        throw new Error('timeout')
      }
      return { statusCode: 201, data: { ...gas, id: 9, ...(c.data as object) } }
    })
    render(<CategoriesPage />)
    fireEvent.click(await screen.findByText('新增类别'))
    typeInto('名称', '高空抛物')
    fireEvent.click(screen.getByText('保存'))
    expect(await screen.findByText('网络连接失败，请检查网络后重试')).toBeTruthy()
    fireEvent.click(screen.getByText('保存'))
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '已保存', icon: 'success' }))
    expect(writes(calls)).toHaveLength(2)
    fireEvent.click(screen.getByText('新增类别'))
    typeInto('名称', '电梯困人')
    fireEvent.click(screen.getByText('保存'))
    await waitFor(() => expect(writes(calls)).toHaveLength(3))
    const keys = writes(calls).map((c) => (c.data as { clientKey: string }).clientKey)
    expect(keys[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(keys[1]).toBe(keys[0])
    expect(keys[2]).not.toBe(keys[0])
    expect(writes(calls).map((c) => c.method)).toEqual(['POST', 'POST', 'POST'])
  })
})
