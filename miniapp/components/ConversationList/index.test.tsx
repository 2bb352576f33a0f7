import { fireEvent, render, screen } from '@testing-library/react'
import ConversationList from '.'
import { summary } from '../../test/message-fixtures'

describe('ConversationList', () => {
  it('shows staff who wrote, from where, the unread count and the state tags', () => {
    const open = jest.fn()
    const items = [
      summary({ id: 1, unread: 3, awaitingSince: '2025-11-23T06:05:00.000Z' }),
      summary({
        id: 2,
        resident: { userId: 6, name: '张大爷' },
        handled: true,
        lastMessage: { seq: 4, side: 'officer', preview: '已联系物业', at: '2025-11-23T06:05:00.000Z' },
      }),
      summary({
        id: 3,
        resident: { userId: 8, name: '赵奶奶' },
        deskCover: { reason: 'off_duty', since: '2025-11-23T06:05:00.000Z', deskName: '幸福路街道值班台' },
      }),
    ]
    render(<ConversationList items={items} viewer="staff" onOpen={open} />)

    expect(screen.getByText('李阿姨')).toBeTruthy()
    expect(screen.getAllByText('幸福社区 3号楼')).toHaveLength(3)
    expect(screen.getByLabelText('3 条未读').textContent).toBe('3')
    expect(screen.getByText('待回复')).toBeTruthy()
    expect(screen.getByText('已处理')).toBeTruthy()
    expect(screen.getByText('我：已联系物业')).toBeTruthy()
    expect(screen.getByText('值班代回')).toBeTruthy()
    expect(screen.queryAllByLabelText(/条未读/)).toHaveLength(1)

    fireEvent.click(screen.getByText('张大爷'))
    expect(open).toHaveBeenCalledWith(2)
  })

  it('shows a resident the officer they talk to', () => {
    render(
      <ConversationList
        items={[summary({ unread: 120, lastMessage: { seq: 9, side: 'officer', preview: '马上到', at: '2025-11-23T06:05:00.000Z' } })]}
        viewer="resident"
        onOpen={jest.fn()}
      />,
    )
    expect(screen.getByText('楼长民警 王建国')).toBeTruthy()
    expect(screen.getByText('马上到')).toBeTruthy()
    expect(screen.getByText('99+')).toBeTruthy()
  })
})
