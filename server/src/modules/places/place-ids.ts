import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm'
import { Place } from './entities'
import { scopeColumn } from './scope'

/** The ids of the buildings under `scope` (every building for 'all'), one statement. */
export async function buildingIdsWithin(em: EntityManager, scope: Place | 'all'): Promise<number[]> {
  const qb = em.createQueryBuilder(Place, 'b').select('b.id', 'id').where("b.level = 'building'")
  // A scope below buildings (a unit) has no column of its own: only its own id can match, and never a building.
  if (scope !== 'all') qb.andWhere(`b.${scopeColumn(scope.level) ?? 'id'} = :id`, { id: scope.id })
  return (await qb.getRawMany<{ id: number | string }>()).map((r) => Number(r.id))
}

/**
 * The ids of places whose name matches the LIKE pattern in the caller's parameter `param` ('!'
 * escapes), as a subquery of the caller's query: a search by name stays one statement.
 */
export const placeIdsNamedLike = (qb: SelectQueryBuilder<ObjectLiteral>, param: string): string =>
  qb.subQuery().select('named_place.id').from(Place, 'named_place').where(`named_place.name LIKE :${param} ESCAPE '!'`).getQuery()
