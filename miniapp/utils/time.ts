import { beijingFields } from '@anju/shared'

/** Times come from the server in UTC and are shown in Beijing time. */

const pad = (n: number) => String(n).padStart(2, '0')

/** "11月25日 14:30" */
export function formatBeijingDateTime(iso: string): string {
  const time = new Date(iso).getTime()
  if (Number.isNaN(time)) return ''
  const local = beijingFields(time)
  return `${local.month}月${local.day}日 ${pad(local.hour)}:${pad(local.minute)}`
}
