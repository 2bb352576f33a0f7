import type { EntityManager } from 'typeorm'
import type { DutyDeskCard } from '@anju/shared'
import { onReferenceDataChanged } from '../../db/reference-data'
import { TtlCache, cachePerDataSource } from '../../lib/ttl-cache'
import type { Place } from '../places'
import type { User } from '../users'
import { officerOf } from './cards'
import { BuildingLead, type OfficerProfile } from './entities'
import { coveringDutyDesk } from './desks'

/** Who answers a building: its lead officer (null when none, or their account is disabled), and the desk that covers it. */
export interface BuildingRouting {
  lead: { user: User; profile: OfficerProfile } | null
  desk: DutyDeskCard | null
}

// Read on every submit and every resident message; leads, profiles and desks say when they change.
const routings = cachePerDataSource(() => new TtlCache<number, BuildingRouting>(30_000, 50_000))
onReferenceDataChanged((ds) => routings(ds).clear())

export const buildingRouting = (em: EntityManager, building: Place): Promise<BuildingRouting> =>
  routings(em.connection).get(building.id, async () => {
    const [desk, lead] = await Promise.all([coveringDutyDesk(em, building), em.findOneBy(BuildingLead, { buildingId: building.id })])
    if (!lead) return { lead: null, desk }
    return { lead: await officerOf(em, lead.officerUserId), desk }
  })
