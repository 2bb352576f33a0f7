/**
 * Human ticket numbers: AJ + the Beijing date of submission + the row id, e.g. AJ20261123-000123.
 * Derived from the primary key, so they are unique under any concurrency without a counter row
 * that every submit would have to lock.
 */
const BEIJING_OFFSET_MS = 8 * 3600_000

export function beijingDate(at: Date): string {
  return new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10)
}

export function ticketNumber(id: number, createdAt: Date): string {
  return `AJ${beijingDate(createdAt).replace(/-/g, '')}-${String(id).padStart(6, '0')}`
}

/** The id a ticket number names, or null when the text is not a ticket number. */
export function idFromTicketNumber(text: string): number | null {
  const match = /^AJ\d{8}-(\d{1,12})$/.exec(text.trim().toUpperCase())
  return match ? Number(match[1]) : null
}

/** UTC bounds of Beijing calendar days [from, to] inclusive. */
export function beijingDayRange(from: string, to: string): { start: Date; end: Date } {
  const start = new Date(Date.parse(`${from}T00:00:00Z`) - BEIJING_OFFSET_MS)
  const end = new Date(Date.parse(`${to}T00:00:00Z`) - BEIJING_OFFSET_MS + 86400_000)
  return { start, end }
}
