import { fireEvent, render, screen } from '@testing-library/react'
import NoticeCard from '.'
import { notice } from '../../test/message-fixtures'

describe('NoticeCard', () => {
  it('shows the author how many households have read it', () => {
    render(
      <NoticeCard
        notice={notice(1, { kind: 'utility', title: '周六停水通知', reach: { buildings: 3, residents: 36, read: 12 } })}
        viewer="author"
      />,
    )
    expect(screen.getByText('停水停电')).toBeTruthy()
    expect(screen.getByText('周六停水通知')).toBeTruthy()
    expect(screen.getByText('已读 12 / 36 户 · 发布到 3 栋楼')).toBeTruthy()
    expect(screen.queryByText('未读')).toBeNull()
  })

  it('marks a notice the resident has not read, and reports the tap', () => {
    const open = jest.fn()
    const unread = notice(2)
    const { rerender } = render(<NoticeCard notice={unread} viewer="resident" onOpen={open} />)
    expect(screen.getByText('反诈提醒')).toBeTruthy()
    expect(screen.getByText('未读')).toBeTruthy()
    expect(screen.getByText('王建国 · 11月23日 14:05')).toBeTruthy()
    fireEvent.click(screen.getByText('警惕冒充公检法的电话诈骗'))
    expect(open).toHaveBeenCalledWith(unread)
    rerender(<NoticeCard notice={{ ...unread, read: true }} viewer="resident" />)
    expect(screen.queryByText('未读')).toBeNull()
  })
})
