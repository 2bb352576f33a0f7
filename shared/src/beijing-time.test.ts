import { beijingClock, beijingDate, beijingDayRange, beijingDayStart, beijingFields, sameBeijingDay } from './beijing-time'

// Beijing is UTC+8 all year: its day begins at 16:00Z the day before.
const utc = (iso: string) => new Date(iso)

describe('Beijing time', () => {
  it('turns the date at 16:00Z, not at midnight UTC', () => {
    expect(beijingDate(utc('2026-12-01T15:59:59.999Z'))).toBe('2026-12-01')
    expect(beijingDate(utc('2026-12-01T16:00:00.000Z'))).toBe('2026-12-02')
    expect(beijingDate(utc('2026-12-01T16:00:00.000Z').getTime())).toBe('2026-12-02')
  })

  it('crosses month and year ends with the Beijing calendar', () => {
    expect(beijingDate(utc('2025-12-31T17:30:00Z'))).toBe('2026-01-01')
    expect(beijingDate(utc('2026-02-28T16:00:00Z'))).toBe('2026-03-01')
  })

  it('reads the wall clock and weekday in Beijing', () => {
    // 2026-11-22 is a Sunday in UTC; 23:30Z is Monday 07:30 in Beijing.
    expect(beijingFields(utc('2026-11-22T23:30:00Z'))).toEqual({ year: 2026, month: 11, day: 23, weekday: 1, hour: 7, minute: 30 })
    expect(beijingClock(utc('2026-11-22T23:30:00Z'))).toEqual({ day: 1, minute: 7 * 60 + 30 })
    // Sunday 23:59 in Beijing is 7, not 0.
    expect(beijingClock(utc('2026-11-29T15:59:00Z'))).toEqual({ day: 7, minute: 23 * 60 + 59 })
  })

  it('knows when two instants fall on the same Beijing day', () => {
    expect(sameBeijingDay(utc('2026-12-01T16:00:00Z'), utc('2026-12-02T15:59:59.999Z'))).toBe(true)
    expect(sameBeijingDay(utc('2026-12-01T15:59:59.999Z'), utc('2026-12-01T16:00:00Z'))).toBe(false)
  })

  it('bounds Beijing days in UTC: from the start of the first to the start of the day after the last', () => {
    expect(beijingDayStart('2026-12-02').toISOString()).toBe('2026-12-01T16:00:00.000Z')
    const { start, end } = beijingDayRange('2026-12-01', '2026-12-31')
    expect(start.toISOString()).toBe('2026-11-30T16:00:00.000Z')
    expect(end.toISOString()).toBe('2026-12-31T16:00:00.000Z')
  })

  it('bounds a single day by 24 hours', () => {
    const { start, end } = beijingDayRange('2026-12-02', '2026-12-02')
    expect(end.getTime() - start.getTime()).toBe(24 * 3600_000)
    expect(beijingDate(start)).toBe('2026-12-02')
    expect(beijingDate(end.getTime() - 1)).toBe('2026-12-02')
    expect(beijingDate(end)).toBe('2026-12-03')
  })
})
