import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { WorkbenchPage } from '@anju/shared'
import { Workbench } from '.'
import { saveStoredSession } from '../../services/session-storage'
import { requestWorkbenchTab } from '../../services/workbench'
import { signIn } from '../../stores/session'
import { dispatcherPair, officerPair, summary } from '../../test/staff-fixtures'
import { serve } from '../../test/serve'

const counts = { pending: 3, active: 5, warning: 1, overdue: 2 }
const query = (url: string) => new URLSearchParams(url.split('?')[1] ?? '')

beforeEach(() => {
  Taro.clearStorageSync()
  jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never)
})
afterEach(() => jest.restoreAllMocks())

describe('Workbench', () => {
  it('shows the counts and loads the next page with the cursor', async () => {
    saveStoredSession(officerPair)
    signIn(officerPair)
    const calls = serve((c) => {
      const q = query(c.url)
      const page: WorkbenchPage = q.get('cursor')
        ? { items: [summary(2, { title: '第二页的工单' })], nextCursor: null, counts }
        : { items: [summary(1, { title: '第一页的工单' })], nextCursor: 'CURSOR-1', counts }
      return { statusCode: 200, data: page }
    })
    render(<Workbench />)

    expect(await screen.findByText('第一页的工单')).toBeTruthy()
    const first = query(calls[0]!.url)
    expect(first.get('tab')).toBe('pending')
    expect(first.get('view')).toBe('mine')
    // The open counts sit on their tabs.
    expect(screen.getByLabelText('待受理 3 件')).toBeTruthy()
    expect(screen.getByLabelText('处理中 5 件')).toBeTruthy()
    expect(screen.getByLabelText('已超时 2 件')).toBeTruthy()

    fireEvent.click(screen.getByText('加载更多'))
    expect(await screen.findByText('第二页的工单')).toBeTruthy()
    expect(screen.getByText('第一页的工单')).toBeTruthy()
    expect(query(calls[1]!.url).get('cursor')).toBe('CURSOR-1')
    expect(screen.getByText('已经到底了')).toBeTruthy()
  })

  it('counts down to the deadline, in red once it has passed, and opens the ticket', async () => {
    saveStoredSession(officerPair)
    signIn(officerPair)
    const late = summary(5, {
      title: '楼道灯坏了',
      sla: 'overdue',
      acceptDueAt: new Date(Date.now() - 3 * 3600_000 - 60_000).toISOString(),
    })
    serve(() => ({ statusCode: 200, data: { items: [summary(4), late], nextCursor: null, counts } }))
    render(<Workbench />)

    expect(await screen.findByText('受理时限：还剩 2小时')).toBeTruthy()
    const overdue = screen.getByText('受理时限：已超时 3小时')
    expect(overdue.className).toContain('wb-card__deadline--overdue')
    fireEvent.click(screen.getByText('楼道灯坏了'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/ticket/index?id=5' })
  })

  it('gives the duty desk its whole scope, a 我的 switch, and the tab a home tile asked for', async () => {
    saveStoredSession(dispatcherPair)
    signIn(dispatcherPair)
    requestWorkbenchTab('overdue')
    const calls = serve(() => ({ statusCode: 200, data: { items: [], nextCursor: null, counts } }))
    render(<Workbench />)

    expect(await screen.findByText('没有超时的工单')).toBeTruthy()
    expect(query(calls[0]!.url).get('view')).toBe('scope')
    expect(query(calls[0]!.url).get('tab')).toBe('overdue')

    fireEvent.click(screen.getByText('我的'))
    await waitFor(() => expect(query(calls[calls.length - 1]!.url).get('view')).toBe('mine'))
    fireEvent.click(screen.getByLabelText('即将超时 1 件'))
    await waitFor(() => expect(query(calls[calls.length - 1]!.url).get('tab')).toBe('warning'))
  })

  it('says why the list could not load', async () => {
    saveStoredSession(dispatcherPair)
    signIn(dispatcherPair)
    serve(() => ({ statusCode: 409, data: { error: { code: 'conflict', message: '您的账号尚未设置管辖范围' } } }))
    render(<Workbench />)
    expect(await screen.findByText('您的账号尚未设置管辖范围')).toBeTruthy()
  })
})
