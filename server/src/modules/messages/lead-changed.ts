import { In, type EntityManager } from 'typeorm'
import type { DomainEvents } from '../../events'
import { Conversation } from './entities'

/**
 * A conversation belongs to its building: when the building's lead is set, its conversations go
 * to that officer's inbox, in the same transaction (subscribed in app.ts). One statement for all
 * the buildings, so an import's batch costs one per officer, not one per building.
 */
export async function followBuildingLead(
  { buildingIds, officerUserId }: DomainEvents['buildingLeadChanged'],
  em: EntityManager,
): Promise<void> {
  if (buildingIds.length > 0) await em.update(Conversation, { buildingId: In(buildingIds) }, { officerUserId })
}
