/** Times come from the server in UTC and are shown in Beijing time (UTC+8, no DST). */
const BEIJING_OFFSET_MS = 8 * 3600_000

const pad = (n: number) => String(n).padStart(2, '0')

/** "11月25日 14:30" */
export function formatBeijingDateTime(iso: string): string {
  const time = new Date(iso).getTime()
  if (Number.isNaN(time)) return ''
  const local = new Date(time + BEIJING_OFFSET_MS)
  return `${local.getUTCMonth() + 1}月${local.getUTCDate()}日 ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`
}
