import type { EntityManager } from 'typeorm'
import { placesWithinSubquery, type Place } from '../places'
import { BuildingLead } from './entities'

/** Who leads which building (楼长民警): at most one officer a building. Naming one is lead-assignment.ts. */

export const leadsBuilding = (em: EntityManager, buildingId: number, officerUserId: number): Promise<boolean> =>
  em.existsBy(BuildingLead, { buildingId, officerUserId })

/** The buildings an officer leads, by id. */
export async function buildingsLedBy(em: EntityManager, officerUserId: number): Promise<number[]> {
  return (await em.findBy(BuildingLead, { officerUserId })).map((l) => l.buildingId)
}

/** How many buildings each officer leads within an area (a street, a district): the rows officersLeading takes. */
export async function leadCountsWithin(
  em: EntityManager,
  area: Pick<Place, 'id' | 'level'>,
): Promise<Array<{ officerUserId: number | string; n: number | string }>> {
  const qb = em.createQueryBuilder(BuildingLead, 'l')
  return qb
    .where(`l.buildingId IN ${placesWithinSubquery(qb, area, 'areaId')}`)
    .select('l.officerUserId', 'officerUserId')
    .addSelect('COUNT(*)', 'n')
    .groupBy('l.officerUserId')
    .getRawMany<{ officerUserId: number | string; n: number | string }>()
}
