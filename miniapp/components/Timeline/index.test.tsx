import { fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { TicketEvent } from '@anju/shared'
import Timeline from '.'
import { photo } from '../../test/ticket-fixtures'

const event = (id: number, createdAt: string, patch: Partial<TicketEvent> = {}): TicketEvent => ({
  id,
  action: 'note',
  actionText: '备注',
  actorText: '楼长民警 王建国',
  fromStatus: null,
  toStatus: null,
  note: null,
  visibility: 'public',
  photos: [],
  createdAt,
  ...patch,
})

describe('Timeline', () => {
  afterEach(() => jest.restoreAllMocks())

  it('lists the steps newest first, in Beijing time, with notes and photos', () => {
    const preview = jest.spyOn(Taro, 'previewImage').mockResolvedValue({ errMsg: 'previewImage:ok' })
    const { container } = render(
      <Timeline
        events={[
          event(1, '2025-11-23T06:05:00.000Z', { action: 'submit', actionText: '提交', actorText: '居民' }),
          // 16:30 UTC is past midnight in Beijing: the next day.
          event(2, '2025-11-23T16:30:00.000Z', { action: 'resolve', actionText: '办结', note: '杂物已清理', photos: [photo(9)] }),
        ]}
      />,
    )
    expect(screen.getByText('楼长民警 王建国 · 11月24日 00:30')).toBeTruthy()
    expect(screen.getByText('居民 · 11月23日 14:05')).toBeTruthy()
    expect(screen.getByText('杂物已清理')).toBeTruthy()
    const titles = Array.from(container.querySelectorAll('.timeline__action')).map((n) => n.textContent)
    expect(titles).toEqual(['办结', '提交'])

    fireEvent.click(container.querySelector('.timeline__photo') as Element)
    expect(preview).toHaveBeenCalledWith({ current: '/files/uploads/9.jpg', urls: ['/files/uploads/9.jpg'] })
  })

  it('marks steps only staff can see', () => {
    render(<Timeline events={[event(3, '2025-11-23T06:05:00.000Z', { visibility: 'internal', note: '已电话联系物业' })]} />)
    expect(screen.getByText('内部')).toBeTruthy()
  })
})
