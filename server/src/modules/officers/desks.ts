import type { EntityManager } from 'typeorm'
import { placesWithinSubquery } from '../places'
import { DutyDesk } from './entities'
import type { StaffReach } from './scopes'

/** The duty desks within a staff member's reach: the desk of their scope place and every desk beneath it; all for 'all'. */
export async function deskIdsWithin(em: EntityManager, reach: StaffReach): Promise<number[]> {
  if (reach === null) return []
  const qb = em.createQueryBuilder(DutyDesk, 'd').select('d.id', 'id')
  if (reach !== 'all') qb.where(`d.placeId IN ${placesWithinSubquery(qb, reach, 'reachId')}`)
  return (await qb.getRawMany<{ id: number | string }>()).map((r) => Number(r.id))
}
