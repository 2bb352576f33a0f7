import { In, type EntityManager, type SelectQueryBuilder } from 'typeorm'
import { Residence } from './entities'

/** Where residents live (residence): one row per resident, set by binding a building. */

/** Where a resident lives; null for staff and for residents who have not bound a building yet. */
export const residenceOf = (em: EntityManager, userId: number): Promise<Residence | null> => em.findOneBy(Residence, { userId })

/** The residences of these users, one statement; users without one are left out. */
export const residencesOf = (em: EntityManager, userIds: number[]): Promise<Residence[]> => em.findBy(Residence, { userId: In(userIds) })

/** Binds (or moves) a resident: one upsert on the user, so binding again is harmless. */
export async function saveResidence(em: EntityManager, residence: Pick<Residence, 'userId' | 'buildingId' | 'unitId'>): Promise<void> {
  await em.upsert(Residence, residence, ['userId'])
}

// Residents counted in some buildings, each one statement: countResidents when the caller holds
// the buildings' ids, countResidentsIn when a subquery of another module names them (no round trip
// for the ids), residentCountsByBuilding for a figure per building.

/** How many residents live in these buildings: one COUNT. */
export const countResidents = (em: EntityManager, buildingIds: number[]): Promise<number> =>
  em.countBy(Residence, { buildingId: In(buildingIds) })

/** How many residents live in the buildings a subquery names (e.g. places' buildingsWithinSubquery). */
export function countResidentsIn(em: EntityManager, buildingIds: (qb: SelectQueryBuilder<Residence>) => string): Promise<number> {
  const qb = em.createQueryBuilder(Residence, 'r')
  return qb
    .select('COUNT(*)', 'n')
    .where(`r.buildingId IN ${buildingIds(qb)}`)
    .getRawOne<{ n: number | string }>()
    .then((row) => Number(row?.n ?? 0))
}

/** How many residents live in each of these buildings (buildings without any are left out). */
export async function residentCountsByBuilding(em: EntityManager, buildingIds: number[]): Promise<Map<number, number>> {
  if (buildingIds.length === 0) return new Map()
  const rows = await em
    .createQueryBuilder(Residence, 'r')
    .select('r.buildingId', 'buildingId')
    .addSelect('COUNT(*)', 'n')
    .where('r.buildingId IN (:...ids)', { ids: buildingIds })
    .groupBy('r.buildingId')
    .getRawMany<{ buildingId: number | string; n: number | string }>()
  return new Map(rows.map((r) => [Number(r.buildingId), Number(r.n)]))
}
