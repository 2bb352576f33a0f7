import type { TicketSummary } from '@anju/shared'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** A span in the words staff read at a glance: "45分钟", "2小时", "1天3小时". */
export function describeSpan(ms: number): string {
  const span = Math.abs(ms)
  if (span < HOUR) return `${Math.max(1, Math.floor(span / MINUTE))}分钟`
  if (span < DAY) return `${Math.floor(span / HOUR)}小时`
  const days = Math.floor(span / DAY)
  const hours = Math.floor((span % DAY) / HOUR)
  return hours ? `${days}天${hours}小时` : `${days}天`
}

export interface Deadline {
  /** 受理 or 办结: which deadline applies now. */
  label: string
  /** "还剩 2小时" or "已超时 3小时". */
  text: string
  tone: 'ok' | 'warning' | 'overdue'
}

/** The deadline that applies to an open ticket now, or null once it is finished. */
export function ticketDeadline(
  ticket: Pick<TicketSummary, 'status' | 'acceptDueAt' | 'resolveDueAt' | 'sla'>,
  now: number,
): Deadline | null {
  const accepting = ticket.status === 'submitted'
  if (!accepting && ticket.status !== 'accepted' && ticket.status !== 'in_progress') return null
  const due = new Date(accepting ? ticket.acceptDueAt : ticket.resolveDueAt).getTime()
  if (Number.isNaN(due)) return null
  const left = due - now
  const label = accepting ? '受理时限' : '办结时限'
  if (left <= 0) return { label, text: `已超时 ${describeSpan(left)}`, tone: 'overdue' }
  return { label, text: `还剩 ${describeSpan(left)}`, tone: ticket.sla === 'ok' ? 'ok' : ticket.sla }
}

/** Minutes as a person would say them: 30 → "30分钟", 120 → "2小时", 4320 → "3天". */
export function describeMinutes(minutes: number | null): string {
  if (minutes === null) return '—'
  if (minutes < 60) return `${Math.round(minutes)}分钟`
  if (minutes < 24 * 60) {
    const hours = Math.round(minutes / 6) / 10
    return `${hours}小时`
  }
  const days = Math.round(minutes / 144) / 10
  return `${days}天`
}
