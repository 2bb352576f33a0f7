import type { EntityManager } from 'typeorm'
import type { DomainEvents } from '../../events'
import { Conversation } from './entities'

/**
 * A conversation belongs to its building: when the building's lead is set, its conversations go
 * to that officer's inbox, in the same transaction (subscribed in app.ts).
 */
export async function followBuildingLead(
  { buildingId, officerUserId }: DomainEvents['buildingLeadChanged'],
  em: EntityManager,
): Promise<void> {
  await em.update(Conversation, { buildingId }, { officerUserId })
}
