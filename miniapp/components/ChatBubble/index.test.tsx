import { fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { messageState } from '@anju/shared'
import ChatBubble from '.'
import { message, receipts } from '../../test/message-fixtures'

afterEach(() => jest.restoreAllMocks())

describe('ChatBubble', () => {
  it('tells the resident whether the officer has received and read their message', () => {
    const mine = message(3)
    const { rerender } = render(<ChatBubble message={mine} own state={messageState(mine, receipts({ staffDeliveredSeq: 3 }))} />)
    expect(screen.getByText('第 3 条消息')).toBeTruthy()
    expect(screen.getByText('已送达')).toBeTruthy()
    rerender(<ChatBubble message={mine} own state={messageState(mine, receipts({ staffDeliveredSeq: 3, staffReadSeq: 3 }))} />)
    expect(screen.getByText('已读')).toBeTruthy()
    expect(screen.queryByText('已送达')).toBeNull()
  })

  it('offers 重发 on a message that failed, and says 发送中 while it goes', () => {
    const retry = jest.fn()
    const { rerender } = render(<ChatBubble message={message(4)} own state="sending" onRetry={retry} />)
    expect(screen.getByText('发送中…')).toBeTruthy()
    rerender(<ChatBubble message={message(4)} own state="failed" onRetry={retry} />)
    fireEvent.click(screen.getByText('发送失败，点击重发'))
    expect(retry).toHaveBeenCalledTimes(1)
  })

  it('labels the duty desk’s reply 值班民警 代回复, with who wrote it', () => {
    render(
      <ChatBubble
        message={message(5, { side: 'desk', label: '值班民警 代回复', sender: { userId: 9, name: '刘值班' }, text: '您好，值班台已收到' })}
        own={false}
      />,
    )
    expect(screen.getByText('值班民警 代回复')).toBeTruthy()
    expect(screen.getByText('刘值班')).toBeTruthy()
    expect(screen.getByText('您好，值班台已收到')).toBeTruthy()
  })

  it('centres system lines and opens the ticket a message became', () => {
    jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never)
    const ticket = message(6, {
      kind: 'ticket',
      side: 'system',
      text: '民警已将此事转为工单',
      ticket: { id: 42, number: 'AJ20251123-000042' },
    })
    const { container } = render(<ChatBubble message={ticket} own={false} />)
    expect(container.querySelector('.chat-system')).not.toBeNull()
    fireEvent.click(screen.getByText('工单 AJ20251123-000042'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/ticket/index?id=42' })
  })

  it('warns staff of a held message and lets them turn a resident’s message into a ticket', () => {
    const convert = jest.fn()
    const held = message(7, { held: true })
    const { rerender } = render(<ChatBubble message={held} own={false} staffView onConvert={convert} />)
    expect(screen.getByText('⚠ 未通过内容安全检查，请核实后再处理')).toBeTruthy()
    fireEvent.click(screen.getByText('转为工单'))
    expect(convert).toHaveBeenCalled()
    // Residents see neither.
    rerender(<ChatBubble message={held} own />)
    expect(screen.queryByText('⚠ 未通过内容安全检查，请核实后再处理')).toBeNull()
    expect(screen.queryByText('转为工单')).toBeNull()
  })

  it('shows a photo and previews it on tap', () => {
    const preview = jest.spyOn(Taro, 'previewImage').mockResolvedValue({ errMsg: 'previewImage:ok' })
    const photo = message(8, {
      kind: 'image',
      text: null,
      image: { id: 301, url: '/files/uploads/301.jpg', width: 800, height: 600, review: 'pass' },
    })
    const { container } = render(<ChatBubble message={photo} own={false} staffView onConvert={jest.fn()} />)
    fireEvent.click(container.querySelector('.chat-bubble__image')!)
    expect(screen.queryByText('转为工单')).toBeNull() // a ticket needs words
    expect(preview).toHaveBeenCalledWith({ current: '/files/uploads/301.jpg', urls: ['/files/uploads/301.jpg'] })
  })
})
