/** Message times in Beijing time, as a chat app says them: "14:05" today, "11月23日 14:05" before. */
const BEIJING_OFFSET_MS = 8 * 3600_000
/** Messages further apart than this get a time line between them. */
export const TIME_GAP_MS = 5 * 60_000

const pad = (n: number) => String(n).padStart(2, '0')
const local = (at: number) => new Date(at + BEIJING_OFFSET_MS)
const sameBeijingDay = (a: number, b: number) => local(a).toISOString().slice(0, 10) === local(b).toISOString().slice(0, 10)

function parts(iso: string): { at: number; date: string; clock: string } | null {
  const at = new Date(iso).getTime()
  if (Number.isNaN(at)) return null
  const d = local(at)
  return { at, date: `${d.getUTCMonth() + 1}月${d.getUTCDate()}日`, clock: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}` }
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
