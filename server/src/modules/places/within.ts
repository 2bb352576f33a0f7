import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm'
import { Place } from './entities'
import { scopeColumn } from './scope'

/**
 * The ids of `scope` and of every place under it, as a subquery of the caller's query (its
 * parameter `param` set there): filtering another module's rows by place stays one statement.
 */
export function placesWithinSubquery<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  scope: Pick<Place, 'id' | 'level'>,
  param: string,
): string {
  const column = scopeColumn(scope.level)
  qb.setParameter(param, scope.id)
  const below = column ? ` OR wp.${column} = :${param}` : ''
  return qb.subQuery().select('wp.id').from(Place, 'wp').where(`(wp.id = :${param}${below})`).getQuery()
}
