import { fireEvent, render, screen } from '@testing-library/react'
import { receipt } from '../../test/ticket-fixtures'
import Receipt from './Receipt'

describe('电子回执', () => {
  it('shows the number, the unit, the officer and the expected times in Beijing time', () => {
    const onView = jest.fn()
    render(<Receipt receipt={receipt()} onView={onView} onHome={jest.fn()} />)
    expect(screen.getByText('AJ20251123-000042')).toBeTruthy()
    expect(screen.getByText('承办民警')).toBeTruthy()
    expect(screen.getByText('王建国')).toBeTruthy()
    expect(screen.getByText('青山分局幸福路派出所')).toBeTruthy()
    expect(screen.getByText('11月23日 14:05')).toBeTruthy()
    expect(screen.getByText('11月23日 14:35 前')).toBeTruthy()
    expect(screen.getByText('11月24日 14:05 前')).toBeTruthy()
    fireEvent.click(screen.getByText('查看工单'))
    expect(onView).toHaveBeenCalled()
  })

  it('names the duty desk when no officer has the ticket, and says when it was a retry', () => {
    render(<Receipt receipt={receipt({ officerName: null, unitName: '幸福路街道值班台' }, true)} onView={jest.fn()} onHome={jest.fn()} />)
    expect(screen.getByText('值班台')).toBeTruthy()
    expect(screen.getByText('幸福路街道值班台')).toBeTruthy()
    expect(screen.getByText('这条反映您之前已经提交成功，以下是它的回执。')).toBeTruthy()
  })
})
