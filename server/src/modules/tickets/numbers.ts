import { beijingDate } from '@anju/shared'

/**
 * Human ticket numbers: AJ + the Beijing date of submission + the row id, e.g. AJ20261123-000123.
 * Derived from the primary key, so they are unique under any concurrency without a counter row
 * that every submit would have to lock.
 */
export function ticketNumber(id: number, createdAt: Date): string {
  return `AJ${beijingDate(createdAt).replace(/-/g, '')}-${String(id).padStart(6, '0')}`
}

/** The id a ticket number names, or null when the text is not a ticket number. */
export function idFromTicketNumber(text: string): number | null {
  const match = /^AJ\d{8}-(\d{1,12})$/.exec(text.trim().toUpperCase())
  return match ? Number(match[1]) : null
}
