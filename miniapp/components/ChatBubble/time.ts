import { beijingFields, sameBeijingDay } from '@anju/shared'

/** Message times in Beijing time, as a chat app says them: "14:05" today, "11月23日 14:05" before. */

/** Messages further apart than this get a time line between them. */
export const TIME_GAP_MS = 5 * 60_000

const pad = (n: number) => String(n).padStart(2, '0')

function parts(iso: string): { at: number; date: string; clock: string } | null {
  const at = new Date(iso).getTime()
  if (Number.isNaN(at)) return null
  const d = beijingFields(at)
  return { at, date: `${d.month}月${d.day}日`, clock: `${pad(d.hour)}:${pad(d.minute)}` }
}

/** Between messages: the clock today, date and clock before. */
export function chatTime(iso: string, now = Date.now()): string {
  const p = parts(iso)
  if (!p) return ''
  return sameBeijingDay(p.at, now) ? p.clock : `${p.date} ${p.clock}`
}

/** In lists: the clock today, the date before. */
export function listTime(iso: string, now = Date.now()): string {
  const p = parts(iso)
  if (!p) return ''
  return sameBeijingDay(p.at, now) ? p.clock : p.date
}

/** Whether a time line goes above `next`. */
export function needsTimeLine(previous: string | undefined, next: string): boolean {
  if (!previous) return true
  return new Date(next).getTime() - new Date(previous).getTime() > TIME_GAP_MS
}
