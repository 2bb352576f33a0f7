import { z } from 'zod'
import { beijingClock, beijingFields } from './beijing-time'

/**
 * When an officer is on duty. Times are Beijing time (Asia/Shanghai has no DST, so a fixed
 * +8 offset is exact). A shift whose end is not after its start runs past midnight.
 */
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, '时间格式应为 HH:MM')
export const dutyShiftSchema = z.object({
  days: z.array(z.number().int().min(1).max(7)).min(1, '至少选择一天'),
  start: hhmm,
  end: hhmm,
})
export type DutyShift = z.infer<typeof dutyShiftSchema>
export const dutyHoursSchema = z.array(dutyShiftSchema).max(14)
export type DutyHours = z.infer<typeof dutyHoursSchema>

const WEEKDAY_NAMES = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日']

function minutes(t: string): number {
  const [h, m] = t.split(':').map(Number)
  return (h ?? 0) * 60 + (m ?? 0)
}

export function isOnDuty(hours: DutyHours, onLeaveUntil: Date | null, now: Date): boolean {
  if (onLeaveUntil && onLeaveUntil.getTime() > now.getTime()) return false
  const { day, minute } = beijingClock(now)
  const yesterday = day === 1 ? 7 : day - 1
  return hours.some((shift) => {
    const start = minutes(shift.start)
    const end = minutes(shift.end)
    if (end > start) return shift.days.includes(day) && minute >= start && minute < end
    // Overnight: the part after start today, or the part before end of a shift that began yesterday.
    return (shift.days.includes(day) && minute >= start) || (shift.days.includes(yesterday) && minute < end)
  })
}

function describeDays(days: number[]): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b)
  if (sorted.length === 7) return '每天'
  const first = sorted[0]
  const last = sorted[sorted.length - 1]
  if (first !== undefined && last !== undefined && sorted.length > 2 && last - first === sorted.length - 1) {
    return `${WEEKDAY_NAMES[first]}至${WEEKDAY_NAMES[last]}`
  }
  return sorted.map((d) => WEEKDAY_NAMES[d]).join('、')
}

/** "周一至周五 08:30–17:30；周六 09:00–12:00", or "全天 24 小时". */
export function describeDutyHours(hours: DutyHours): string {
  if (hours.length === 0) return '暂无值班时间'
  return hours
    .map((s) => {
      if (s.start === '00:00' && (s.end === '24:00' || s.end === '00:00')) return `${describeDays(s.days)} 全天`
      return `${describeDays(s.days)} ${s.start}–${s.end}`
    })
    .join('；')
}

export type DutyStatus = 'on_duty' | 'off_duty' | 'on_leave'

export function dutyStatus(hours: DutyHours, onLeaveUntil: Date | null, now: Date): { status: DutyStatus; text: string } {
  if (onLeaveUntil && onLeaveUntil.getTime() > now.getTime()) {
    const until = beijingFields(onLeaveUntil)
    const year = until.year === beijingFields(now).year ? '' : `${until.year}年`
    return { status: 'on_leave', text: `休假中（至 ${year}${until.month}月${until.day}日）` }
  }
  return isOnDuty(hours, null, now) ? { status: 'on_duty', text: '在岗' } : { status: 'off_duty', text: '休息中' }
}
