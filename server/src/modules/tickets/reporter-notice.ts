import type { EntityManager } from 'typeorm'
import type { SubscribeEvent } from '@anju/shared'
import { queueTicketNotice } from '../notifications'
import type { Ticket } from './entities'
import { ticketNumber } from './numbers'

/** Tells the reporter about an event they subscribed to, in the caller's transaction; `round` as in queueTicketNotice. */
export function noticeReporter(em: EntityManager, ticket: Ticket, event: SubscribeEvent, now: Date, round = 0): Promise<void> {
  const { id, status, reporterUserId, subscribed } = ticket
  return queueTicketNotice(em, { id, number: ticketNumber(id, ticket.createdAt), status, reporterUserId, subscribed }, event, now, round)
}
