import { beijingDate } from '@anju/shared'
import { periodRange } from './dates'

// 2026-01-01 01:30 Beijing is still 2025-12-31 in UTC.
const newYearMorning = Date.parse('2025-12-31T17:30:00Z')

describe('periods in Beijing days', () => {
  it('reads the date in Beijing, not UTC', () => {
    expect(beijingDate(newYearMorning)).toBe('2026-01-01')
  })

  it('makes 本月, 上月 across the new year, and 近7天', () => {
    expect(periodRange('this_month', newYearMorning)).toEqual({ from: '2026-01-01', to: '2026-01-01' })
    expect(periodRange('last_month', newYearMorning)).toEqual({ from: '2025-12-01', to: '2025-12-31' })
    expect(periodRange('last_7_days', newYearMorning)).toEqual({ from: '2025-12-26', to: '2026-01-01' })
    expect(periodRange('last_month', Date.parse('2024-03-10T04:00:00Z'))).toEqual({ from: '2024-02-01', to: '2024-02-29' })
  })
})
