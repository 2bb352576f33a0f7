import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm'
import { Place } from './entities'
import { scopeColumn } from './scope'

/**
 * What lies within a place, as one statement of its own or as a subquery of the caller's query
 * (its parameter set there), so that counting or filtering another module's rows stays one
 * statement. Two different sets: the buildings under a scope (what a desk or an officer answers
 * for), and a place with every place under it, of any level (placesWithinSubquery: for rows kept
 * at places of any level, such as duty desks).
 */

type Scope = Pick<Place, 'id' | 'level'>

/**
 * The buildings `scope` reaches, as isWithin has it: those under it; a building, itself (buildingId
 * is a unit's column); a unit, none (its own id is never a building's).
 */
function buildingsWithin<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string, scope: Scope | 'all', param: string) {
  qb.where(`${alias}.level = 'building'`)
  if (scope === 'all') return qb
  const column = scope.level === 'building' ? 'id' : (scopeColumn(scope.level) ?? 'id')
  return qb.andWhere(`${alias}.${column} = :${param}`, { [param]: scope.id })
}

/** The ids of the buildings under `scope` (every building for 'all'). */
export async function buildingIdsWithin(em: EntityManager, scope: Scope | 'all'): Promise<number[]> {
  const qb = buildingsWithin(em.createQueryBuilder(Place, 'b').select('b.id', 'id'), 'b', scope, 'id')
  return (await qb.getRawMany<{ id: number | string }>()).map((r) => Number(r.id))
}

export const countBuildingsWithin = (em: EntityManager, scope: Scope): Promise<number> =>
  buildingsWithin(em.createQueryBuilder(Place, 'b'), 'b', scope, 'scopeId').getCount()

export function buildingsWithinSubquery<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, scope: Scope, param = 'scopeId'): string {
  const sub = buildingsWithin(qb.subQuery().select('sb.id').from(Place, 'sb'), 'sb', scope, param)
  qb.setParameters(sub.getParameters())
  return sub.getQuery()
}

/** The ids of `scope` and of every place under it. */
export function placesWithinSubquery<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, scope: Scope, param: string): string {
  const column = scopeColumn(scope.level)
  qb.setParameter(param, scope.id)
  const below = column ? ` OR wp.${column} = :${param}` : ''
  return qb.subQuery().select('wp.id').from(Place, 'wp').where(`(wp.id = :${param}${below})`).getQuery()
}
