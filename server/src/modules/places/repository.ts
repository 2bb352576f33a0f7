import { In, type EntityManager, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm'
import type { BuildingSummary } from '@anju/shared'
import { Place } from './entities'

/** Turns building rows into what a resident sees: names of their community, street, district and units. */
export async function summarizeBuildings(em: EntityManager, buildings: Place[]): Promise<BuildingSummary[]> {
  if (buildings.length === 0) return []
  const ancestorIds = new Set<number>()
  for (const b of buildings) for (const id of [b.districtId, b.streetId, b.communityId]) if (id) ancestorIds.add(id)
  const [ancestors, units] = await Promise.all([
    em.findBy(Place, { id: In([...ancestorIds]) }),
    em.find(Place, { where: { parentId: In(buildings.map((b) => b.id)), level: 'unit' }, order: { id: 'ASC' } }),
  ])
  const name = new Map(ancestors.map((p) => [p.id, p.name]))
  return buildings.map((b) => ({
    id: b.id,
    code: b.code ?? '',
    name: b.name,
    address: b.address,
    community: name.get(b.communityId ?? 0) ?? '',
    street: name.get(b.streetId ?? 0) ?? '',
    district: name.get(b.districtId ?? 0) ?? '',
    units: units.filter((u) => u.parentId === b.id).map((u) => ({ id: u.id, name: u.name })),
  }))
}

/** "%q%" with LIKE's wildcards escaped by '!', which needs no quoting on MySQL or SQLite (unlike backslash). */
const likePattern = (q: string) => `%${q.replace(/[!%_]/g, (c) => `!${c}`)}%`

export async function searchBuildings(em: EntityManager, q: string, communityId: number | undefined, limit: number): Promise<Place[]> {
  const qb = em.createQueryBuilder(Place, 'b').where("b.level = 'building'")
  if (communityId) qb.andWhere('b.communityId = :communityId', { communityId })
  if (q) {
    // A resident types part of the building name or the community name ("阳光" or "3号楼").
    const like = likePattern(q)
    qb.andWhere(
      "(b.name LIKE :like ESCAPE '!' OR b.address LIKE :like ESCAPE '!' OR b.communityId IN (SELECT c.id FROM place c WHERE c.level = 'community' AND c.name LIKE :like ESCAPE '!'))",
      { like },
    )
  }
  return qb.orderBy('b.communityId', 'ASC').addOrderBy('b.id', 'ASC').limit(limit).getMany()
}

export async function listCommunities(
  em: EntityManager,
  q: string,
  limit: number,
): Promise<Array<{ id: number; name: string; street: string }>> {
  const qb = em
    .createQueryBuilder(Place, 'c')
    .innerJoin(Place, 's', 's.id = c.streetId')
    .select(['c.id AS id', 'c.name AS name', 's.name AS street'])
    .where("c.level = 'community'")
  if (q) qb.andWhere("c.name LIKE :like ESCAPE '!'", { like: likePattern(q) })
  const rows = await qb
    .orderBy('c.streetId', 'ASC')
    .addOrderBy('c.id', 'ASC')
    .limit(limit)
    .getRawMany<{ id: number | string; name: string; street: string }>()
  return rows.map((r) => ({ id: Number(r.id), name: r.name, street: r.street }))
}

/**
 * The ids of places whose name matches the LIKE pattern in the caller's parameter `param` ('!'
 * escapes), as a subquery of the caller's query: a search by name stays one statement.
 */
export const placeIdsNamedLike = (qb: SelectQueryBuilder<ObjectLiteral>, param: string): string =>
  qb.subQuery().select('named_place.id').from(Place, 'named_place').where(`named_place.name LIKE :${param} ESCAPE '!'`).getQuery()
