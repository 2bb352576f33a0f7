import { beijingDate } from '@anju/shared'

/** Calendar periods in Beijing days, as the API's YYYY-MM-DD dates. */
const DAY_MS = 24 * 3600_000

const pad = (n: number) => String(n).padStart(2, '0')

export interface DateRange {
  from: string
  to: string
}

export type PeriodKey = 'this_month' | 'last_month' | 'last_7_days'

export const PERIOD_LABELS: Record<PeriodKey | 'custom', string> = {
  this_month: '本月',
  last_month: '上月',
  last_7_days: '近7天',
  custom: '自选日期',
}

/** 本月 (to today), 上月 (whole month) or 近7天 (today and the six days before), in Beijing days. */
export function periodRange(period: PeriodKey, now: number): DateRange {
  const today = beijingDate(now)
  if (period === 'last_7_days') return { from: beijingDate(now - 6 * DAY_MS), to: today }
  const [year, month] = today.split('-').map(Number) as [number, number]
  if (period === 'this_month') return { from: `${year}-${pad(month)}-01`, to: today }
  const lastYear = month === 1 ? year - 1 : year
  const lastMonth = month === 1 ? 12 : month - 1
  const lastDay = new Date(Date.UTC(lastYear, lastMonth, 0)).getUTCDate()
  return { from: `${lastYear}-${pad(lastMonth)}-01`, to: `${lastYear}-${pad(lastMonth)}-${pad(lastDay)}` }
}

/** "2025-11-05" → "11月5日". */
export function shortDate(day: string): string {
  const [, m, d] = day.split('-').map(Number)
  return m && d ? `${m}月${d}日` : day
}
