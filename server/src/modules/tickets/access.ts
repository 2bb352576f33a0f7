import type { EntityManager } from 'typeorm'
import type { TicketActor } from '@anju/shared'
import { notFound } from '../../errors/app-error'
import type { AuthUser } from '../../middleware/auth'
import { leadsBuilding, reaches, staffReach } from '../officers'
import type { Ticket } from './entities'
import { placeById } from '../places'

/**
 * Who the caller is to this ticket (reporter, handler, officer, desk). Someone who is none of
 * these does not learn that the ticket exists: 404, as for another resident's record.
 */
export async function actorsFor(em: EntityManager, user: AuthUser, ticket: Ticket): Promise<TicketActor[]> {
  const actors: TicketActor[] = []
  if (ticket.reporterUserId === user.id) actors.push('reporter')
  if (ticket.handlerUserId === user.id) actors.push('handler')
  if (user.role === 'admin') actors.push('desk')
  if (user.role === 'dispatcher' && (await scopeHolds(em, user.id, ticket))) actors.push('desk')
  if (user.role === 'officer' && !actors.includes('handler')) {
    const leads = await leadsBuilding(em, ticket.placeId, user.id)
    if (leads || (await scopeHolds(em, user.id, ticket))) actors.push('officer')
  }
  return actors
}

export async function requireActors(em: EntityManager, user: AuthUser, ticket: Ticket): Promise<TicketActor[]> {
  const actors = await actorsFor(em, user, ticket)
  if (actors.length === 0) throw notFound('工单')
  return actors
}

async function scopeHolds(em: EntityManager, userId: number, ticket: Ticket): Promise<boolean> {
  const reach = await staffReach(em, userId)
  if (reach === null) return false
  const place = await placeById(em, ticket.placeId)
  return place !== null && reaches(reach, place)
}

/** The handling officer and the duty desk see who reported; other staff do not. */
export const seesReporter = (actors: TicketActor[]) => actors.includes('handler') || actors.includes('desk')
export const isStaff = (actors: TicketActor[]) => actors.some((a) => a === 'handler' || a === 'desk' || a === 'officer')
