/**
 * Beijing time. Times are stored and sent in UTC and shown in Beijing time; Asia/Shanghai has
 * had no DST since 1991, so a fixed +8 offset is exact and no time-zone database is needed (the
 * mini-program's JS engine may not ship one).
 */
export const BEIJING_UTC_OFFSET_HOURS = 8
export const BEIJING_OFFSET_MS = BEIJING_UTC_OFFSET_HOURS * 3600_000
const DAY_MS = 86400_000

/** An instant as a Beijing wall clock and calendar read it. */
export interface BeijingFields {
  year: number
  /** 1 = January … 12 = December. */
  month: number
  /** Day of the month, 1 … 31. */
  day: number
  /** 1 = Monday … 7 = Sunday. */
  weekday: number
  hour: number
  minute: number
}

const pad = (n: number) => String(n).padStart(2, '0')
const millis = (at: Date | number) => (typeof at === 'number' ? at : at.getTime())

/** Shifted so that its UTC fields read as Beijing fields. */
const shifted = (at: Date | number) => new Date(millis(at) + BEIJING_OFFSET_MS)

export function beijingFields(at: Date | number): BeijingFields {
  const local = shifted(at)
  const weekday = local.getUTCDay() === 0 ? 7 : local.getUTCDay()
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    weekday,
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
  }
}

/** Beijing weekday (1 = Monday … 7 = Sunday) and minute of day for an instant. */
export function beijingClock(now: Date | number): { day: number; minute: number } {
  const f = beijingFields(now)
  return { day: f.weekday, minute: f.hour * 60 + f.minute }
}

/** The Beijing calendar date of an instant, 'YYYY-MM-DD' (the API's date format). */
export function beijingDate(at: Date | number): string {
  const f = beijingFields(at)
  return `${f.year}-${pad(f.month)}-${pad(f.day)}`
}

export function sameBeijingDay(a: Date | number, b: Date | number): boolean {
  return beijingDate(a) === beijingDate(b)
}

/** The UTC instant at which Beijing day 'YYYY-MM-DD' begins (16:00Z the day before). */
export function beijingDayStart(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - BEIJING_OFFSET_MS)
}

/** UTC bounds of Beijing calendar days [from, to] inclusive: start <= t < end. */
export function beijingDayRange(from: string, to: string): { start: Date; end: Date } {
  return { start: beijingDayStart(from), end: new Date(beijingDayStart(to).getTime() + DAY_MS) }
}
