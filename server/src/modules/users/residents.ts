import { In, type EntityManager, type SelectQueryBuilder } from 'typeorm'
import { Residence, User } from './entities'

/** Residents and where they live, as staff pages and the demo list need them. */

export const findResident = (em: EntityManager, id: number): Promise<User | null> => em.findOneBy(User, { id, role: 'resident' })

/** The residences of these users, one statement; users without one are left out. */
export const residencesOf = (em: EntityManager, userIds: number[]): Promise<Residence[]> => em.findBy(Residence, { userId: In(userIds) })

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

/** How many residents live in the buildings a subquery names (e.g. places' buildingsWithinSubquery), in one statement. */
export function countResidentsIn(em: EntityManager, buildingIds: (qb: SelectQueryBuilder<Residence>) => string): Promise<number> {
  const qb = em.createQueryBuilder(Residence, 'r')
  return qb
    .select('COUNT(*)', 'n')
    .where(`r.buildingId IN ${buildingIds(qb)}`)
    .getRawOne<{ n: number | string }>()
    .then((row) => Number(row?.n ?? 0))
}
