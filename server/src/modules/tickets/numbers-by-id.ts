import { In, type EntityManager } from 'typeorm'
import { Ticket } from './entities'
import { ticketNumber } from './numbers'

/** Tickets' numbers (what residents and staff quote) by id, one statement; ids not found are left out. */
export async function ticketNumbersById(em: EntityManager, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map()
  const rows = await em.find(Ticket, { where: { id: In(ids) }, select: { id: true, createdAt: true } })
  return new Map(rows.map((t) => [t.id, ticketNumber(t.id, t.createdAt)]))
}
