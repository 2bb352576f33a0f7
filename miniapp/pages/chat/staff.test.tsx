import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import ChatPage from '.'
import { saveStoredSession } from '../../services/session-storage'
import { signIn } from '../../stores/session'
import { detail, message, receipts, summary } from '../../test/message-fixtures'
import { serve, type Call } from '../../test/serve'
import { setRouterParams } from '../../test/setup-env'
import { officerPair } from '../../test/staff-fixtures'
import { categories } from '../../test/ticket-fixtures'

const ok = (data: unknown, statusCode = 200) => ({ statusCode, data })
const staffDetail = detail({ viewerSide: 'officer', unread: 1 })

function server() {
  return serve((c: Call) => {
    if (c.url === '/api/conversations/31') return ok(staffDetail)
    if (c.url.startsWith('/api/conversations/31/messages')) {
      return ok({ items: [message(1, { text: '3单元楼道堆满了纸箱', held: true })], receipts: receipts(), lastSeq: 1, hasOlder: false })
    }
    if (c.url === '/api/canned-replies' && c.method === 'PUT') return ok(c.data)
    if (c.url === '/api/canned-replies') return ok({ items: ['消息已收到，马上为您处理。', '如遇紧急情况请立即拨打110。'] })
    if (c.url === '/api/conversations/31/handled') return ok(summary({ handled: true }))
    if (c.url === '/api/ticket-categories?kind=hazard') return ok({ items: categories })
    if (c.url === '/api/conversations/31/tickets') {
      return ok(
        {
          message: message(2, { kind: 'ticket', side: 'system', text: '已转为工单', ticket: { id: 42, number: 'AJ20251123-000042' } }),
          ticket: { id: 42, number: 'AJ20251123-000042' },
        },
        201,
      )
    }
    if (c.url === '/api/conversations/31/read') return ok(receipts({ staffReadSeq: 1 }))
    return ok({ messages: 0, notices: 0, total: 0 })
  })
}

beforeAll(() => {
  Element.prototype.scrollIntoView = jest.fn()
})
beforeEach(() => {
  Taro.clearStorageSync()
  saveStoredSession(officerPair)
  signIn(officerPair)
  setRouterParams({ id: '31' })
  jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never)
})
afterEach(() => {
  setRouterParams({})
  jest.restoreAllMocks()
})

describe('在线留言 (officer)', () => {
  it('puts a 常用语 in the box and saves an edited list', async () => {
    const calls = server()
    render(<ChatPage />)
    await screen.findByText('3单元楼道堆满了纸箱')
    expect(document.querySelector('.chat-head__name')?.textContent).toBe('李阿姨')
    expect(screen.getByText('⚠ 未通过内容安全检查，请核实后再处理')).toBeTruthy()

    fireEvent.click(await screen.findByText('消息已收到，马上为您处理。'))
    expect((document.querySelector('.chat-compose__input') as HTMLTextAreaElement).value).toBe('消息已收到，马上为您处理。')

    fireEvent.click(screen.getByText('编辑常用语'))
    fireEvent.click(screen.getAllByText('删除')[1]!)
    fireEvent.click(screen.getByText('添加一条'))
    const boxes = document.querySelectorAll('.chat-canned-edit__text')
    fireEvent.change(boxes[boxes.length - 1]!, { target: { value: '物业已上门，请开门' } })
    fireEvent.click(screen.getByText('保存常用语'))
    await waitFor(() => expect(screen.queryByText('保存常用语')).toBeNull())
    expect(calls.find((c) => c.method === 'PUT')?.data).toEqual({ items: ['消息已收到，马上为您处理。', '物业已上门，请开门'] })
    expect(screen.getByText('物业已上门，请开门')).toBeTruthy()
  })

  it('marks the conversation handled', async () => {
    const calls = server()
    render(<ChatPage />)
    fireEvent.click(await screen.findByText('标记已处理'))
    expect(await screen.findByText('已处理 ✓')).toBeTruthy()
    expect(calls.find((c) => c.url === '/api/conversations/31/handled')?.data).toEqual({ handled: true })
  })

  it('turns a resident’s message into a hazard ticket and opens it', async () => {
    const calls = server()
    render(<ChatPage />)
    fireEvent.click(await screen.findByText('转为工单'))
    fireEvent.click(screen.getByText('确认转为工单'))
    expect(await screen.findByText('请选择隐患或纠纷')).toBeTruthy()
    fireEvent.click(screen.getByText('隐患上报'))
    fireEvent.click(await screen.findByText('消防安全'))
    fireEvent.click(screen.getByText('确认转为工单'))
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/ticket/index?id=42' }))
    expect(calls.find((c) => c.url === '/api/conversations/31/tickets')?.data).toEqual({ seq: 1, kind: 'hazard', categoryId: 1 })
    expect(screen.getByText('工单 AJ20251123-000042')).toBeTruthy()
  })
})
