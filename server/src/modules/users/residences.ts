import { In, type EntityManager } from 'typeorm'
import { Residence } from './entities'

/** Where a resident lives; null for staff and for residents who have not bound a building yet. */
export const residenceOf = (em: EntityManager, userId: number): Promise<Residence | null> => em.findOneBy(Residence, { userId })

/** How many residents live in these buildings: one COUNT. */
export const countResidents = (em: EntityManager, buildingIds: number[]): Promise<number> =>
  em.countBy(Residence, { buildingId: In(buildingIds) })
