import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { TicketDetail } from '@anju/shared'
import TicketPage from '.'
import { saveStoredSession } from '../../services/session-storage'
import { residentPair } from '../../test/fixtures'
import { serve, type Call, type Reply } from '../../test/serve'
import { setRouterParams } from '../../test/setup-env'
import { detail } from '../../test/ticket-fixtures'

const DAY = 24 * 3600_000
const future = () => new Date(Date.now() + 3 * DAY).toISOString()

function resolved(overrides: Partial<TicketDetail> = {}): TicketDetail {
  return detail({
    status: 'resolved',
    statusText: '已办结',
    resolution: '已联系物业清理楼道杂物，消防通道已畅通。',
    resolvedAt: '2025-11-24T02:00:00.000Z',
    reopenUntil: future(),
    actions: ['reopen', 'rate'],
    ...overrides,
  })
}

function fakeServer(ticket: TicketDetail, act: (call: Call) => Reply = () => ({ statusCode: 200, data: ticket })) {
  return serve((call) => {
    if (call.url === '/api/tickets/42' && call.method !== 'POST') return { statusCode: 200, data: ticket }
    if (call.url === '/api/tickets/42/actions') return act(call)
    return { statusCode: 404, data: { error: { code: 'not_found', message: '工单不存在' } } }
  })
}

const actions = (calls: Call[]) => calls.filter((c) => c.url === '/api/tickets/42/actions').map((c) => c.data)
/** Every action carries the key made when the resident first tapped it. */
const KEY = expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)

beforeEach(() => {
  Taro.clearStorageSync()
  saveStoredSession(residentPair)
  setRouterParams({ id: '42' })
  jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' })
})
afterEach(() => {
  jest.restoreAllMocks()
  setRouterParams({})
})

describe('工单详情', () => {
  it('shows the ticket, its timeline in Beijing time, and only the resident actions', async () => {
    fakeServer(detail({ actions: ['withdraw', 'urge', 'accept', 'note'] }))
    render(<TicketPage />)
    expect(await screen.findByText('AJ20251123-000042')).toBeTruthy()
    expect(screen.getByText('待受理')).toBeTruthy()
    expect(screen.getByText('楼长民警 王建国')).toBeTruthy()
    expect(screen.getByText('已提交，由楼长民警 王建国受理')).toBeTruthy()
    expect(screen.getByText('居民 · 11月23日 14:05')).toBeTruthy()
    expect(screen.getByText('撤回')).toBeTruthy()
    expect(screen.getByText('催办')).toBeTruthy()
    expect(screen.queryByText('受理')).toBeNull()
    expect(screen.queryByText('备注')).toBeNull()
  })

  it('withdraws only after the resident confirms', async () => {
    const calls = fakeServer(detail(), () => ({
      statusCode: 200,
      data: detail({ status: 'withdrawn', statusText: '已撤回', actions: [] }),
    }))
    const confirm = jest.spyOn(Taro, 'showModal').mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' })
    render(<TicketPage />)
    fireEvent.click(await screen.findByText('撤回'))
    await waitFor(() => expect(confirm).toHaveBeenCalledTimes(1))
    expect(actions(calls)).toHaveLength(0)

    confirm.mockResolvedValueOnce({ confirm: true, cancel: false, errMsg: 'showModal:ok' })
    fireEvent.click(screen.getByText('撤回'))
    expect(await screen.findByText('已撤回')).toBeTruthy()
    expect(actions(calls)).toEqual([{ action: 'withdraw', clientKey: KEY }])
    expect(screen.queryByText('催办')).toBeNull()
  })

  it('rates the result with one of three big choices and a comment', async () => {
    const calls = fakeServer(resolved(), () => ({
      statusCode: 200,
      data: resolved({ status: 'closed', statusText: '已完结', rating: 'satisfied', actions: [] }),
    }))
    render(<TicketPage />)
    fireEvent.click(await screen.findByText('满意'))
    expect(screen.queryByText('申请重新办理')).toBeNull()
    fireEvent.input(screen.getByPlaceholderText('还想说的话（选填）'), { target: { value: '民警来得很快' } })
    fireEvent.click(screen.getByText('提交评价'))
    expect(await screen.findByText('评价：满意')).toBeTruthy()
    expect(actions(calls)).toEqual([{ action: 'rate', clientKey: KEY, rating: 'satisfied', comment: '民警来得很快' }])
  })

  it('offers 申请重新办理 on 不满意, with the comment as the reason', async () => {
    const calls = fakeServer(resolved(), () => ({
      statusCode: 200,
      data: resolved({ status: 'in_progress', statusText: '处理中', actions: ['urge'] }),
    }))
    render(<TicketPage />)
    fireEvent.click(await screen.findByText('不满意'))
    fireEvent.click(screen.getByText('申请重新办理'))
    expect(screen.getByText('请说明需要重新办理的原因')).toBeTruthy()
    expect(actions(calls)).toHaveLength(0)

    fireEvent.input(screen.getByPlaceholderText('请说说哪里不满意，问题还有哪些没解决'), { target: { value: '杂物又堆回来了' } })
    fireEvent.click(screen.getByText('申请重新办理'))
    expect(await screen.findByText('处理中')).toBeTruthy()
    expect(actions(calls)).toEqual([{ action: 'reopen', clientKey: KEY, reason: '杂物又堆回来了' }])
  })

  it('does not offer to reopen once the window has passed', async () => {
    fakeServer(resolved({ reopenUntil: new Date(Date.now() - DAY).toISOString() }))
    render(<TicketPage />)
    fireEvent.click(await screen.findByText('不满意'))
    expect(screen.queryByText('申请重新办理')).toBeNull()
    expect(screen.getByText('提交评价')).toBeTruthy()
  })

  it('says so and reloads when the ticket changed meanwhile', async () => {
    const calls = fakeServer(detail(), () => ({ statusCode: 409, data: { error: { code: 'conflict', message: '工单状态已变化' } } }))
    render(<TicketPage />)
    fireEvent.click(await screen.findByText('催办'))
    expect(await screen.findByText('工单状态已变化（已为您重新加载）')).toBeTruthy()
    await waitFor(() => expect(calls.filter((c) => c.url === '/api/tickets/42' && c.method !== 'POST')).toHaveLength(2))
  })

  it('gives staff the staff panel instead of the resident buttons', async () => {
    saveStoredSession({ ...residentPair, user: { id: 7, role: 'officer', name: '王建国' } })
    fakeServer(detail({ actions: ['accept', 'reject', 'note'], reporter: { name: '李阿姨', phone: '13800000005' } }))
    render(<TicketPage />)
    expect(await screen.findByText('李阿姨 13800000005（点击拨打）')).toBeTruthy()
    expect(screen.queryByText('撤回')).toBeNull()
    expect(screen.queryByText('催办')).toBeNull()
  })

  it('催办 retried after a lost answer sends the same clientKey, and a later 催办 a new one', async () => {
    let lose = true
    const calls = fakeServer(detail(), () => {
      if (lose) {
        lose = false
        throw new Error('timeout')
      }
      return { statusCode: 200, data: detail() }
    })
    render(<TicketPage />)
    fireEvent.click(await screen.findByText('催办'))
    expect(await screen.findByText('网络连接失败，请检查网络后重试')).toBeTruthy()
    fireEvent.click(screen.getByText('催办'))
    await waitFor(() => expect(actions(calls)).toHaveLength(2))
    await waitFor(() => expect(screen.queryByText('网络连接失败，请检查网络后重试')).toBeNull())
    fireEvent.click(screen.getByText('催办'))
    await waitFor(() => expect(actions(calls)).toHaveLength(3))
    const keys = actions(calls).map((d) => (d as { clientKey: string }).clientKey)
    expect(keys).toEqual([KEY, keys[0], KEY])
    expect(keys[2]).not.toBe(keys[0])
  })
})
