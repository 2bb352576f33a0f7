import type { EntityManager } from 'typeorm'
import { Ticket, TicketCategoryRow } from './entities'

/** What the demo's month of tickets (demo/demo-tickets.ts) reads of tickets' tables; it writes through the services. */

/** The demo seeds tickets only into a database that has none. */
export const hasTickets = async (em: EntityManager): Promise<boolean> => (await em.count(Ticket)) > 0

export const activeCategories = (em: EntityManager): Promise<TicketCategoryRow[]> => em.findBy(TicketCategoryRow, { active: true })
