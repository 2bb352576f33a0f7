import { describeDutyHours, dutyStatus, isOnDuty } from './duty'

// Beijing is UTC+8: 2026-11-23 is a Monday.
const at = (beijing: string) => new Date(`${beijing}+08:00`)

describe('duty hours', () => {
  const office = [{ days: [1, 2, 3, 4, 5], start: '08:30', end: '17:30' }]
  const night = [{ days: [5], start: '20:00', end: '08:00' }]

  it('office hours: on duty Monday 10:00, off at 17:30 and at the weekend', () => {
    expect(isOnDuty(office, null, at('2026-11-23T10:00:00'))).toBe(true)
    expect(isOnDuty(office, null, at('2026-11-23T17:30:00'))).toBe(false)
    expect(isOnDuty(office, null, at('2026-11-22T10:00:00'))).toBe(false)
  })

  it('an overnight shift runs past midnight into the next day', () => {
    expect(isOnDuty(night, null, at('2026-11-27T23:00:00'))).toBe(true) // Friday night
    expect(isOnDuty(night, null, at('2026-11-28T07:59:00'))).toBe(true) // Saturday morning
    expect(isOnDuty(night, null, at('2026-11-28T08:00:00'))).toBe(false)
    expect(isOnDuty(night, null, at('2026-11-27T07:00:00'))).toBe(false) // Friday morning: Thursday had no shift
  })

  it('leave overrides the hours and says until when', () => {
    const allDay = [{ days: [1, 2, 3, 4, 5, 6, 7], start: '00:00', end: '24:00' }]
    expect(dutyStatus(allDay, at('2026-12-01T00:00:00'), at('2026-11-23T10:00:00'))).toEqual({
      status: 'on_leave',
      text: '休假中（至 12月1日）',
    })
    expect(dutyStatus(allDay, at('2027-02-01T00:00:00'), at('2026-11-23T10:00:00')).text).toBe('休假中（至 2027年2月1日）')
    expect(dutyStatus(allDay, at('2026-11-20T00:00:00'), at('2026-11-23T10:00:00')).status).toBe('on_duty')
  })

  it('reads aloud in plain Chinese', () => {
    expect(describeDutyHours(office)).toBe('周一至周五 08:30–17:30')
    expect(describeDutyHours([{ days: [1, 2, 3, 4, 5, 6, 7], start: '00:00', end: '24:00' }])).toBe('每天 全天')
    expect(describeDutyHours([{ days: [6, 1], start: '09:00', end: '12:00' }])).toBe('周一、周六 09:00–12:00')
    expect(describeDutyHours([])).toBe('暂无值班时间')
  })
})
