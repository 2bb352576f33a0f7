import { In, type EntityManager, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm'
import { Place } from './entities'
import { scopeColumn } from './scope'

/**
 * Places read fresh from the database, for callers that must not see a cached copy (cache.ts
 * holds the cached ones): permission checks, writes, staff pages.
 */

export const findPlace = (em: EntityManager, id: number): Promise<Place | null> => em.findOneBy(Place, { id })

/** For ids a foreign key vouches for: a missing row throws EntityNotFoundError. */
export const findPlaceOrFail = (em: EntityManager, id: number): Promise<Place> => em.findOneByOrFail(Place, { id })

/** Places by id, one statement; ids not found are left out. */
export const findPlaces = (em: EntityManager, ids: number[]): Promise<Place[]> => em.findBy(Place, { id: In(ids) })

export const findBuilding = (em: EntityManager, id: number): Promise<Place | null> => em.findOneBy(Place, { id, level: 'building' })

/** The unit, only if it belongs to that building. */
export const findUnitOfBuilding = (em: EntityManager, unitId: number, buildingId: number): Promise<Place | null> =>
  em.findOneBy(Place, { id: unitId, level: 'unit', parentId: buildingId })

/** Buildings by id as a staff list shows them: by community, then by id. */
export const findBuildingsInListOrder = (em: EntityManager, ids: number[]): Promise<Place[]> =>
  em.find(Place, { where: { id: In(ids) }, order: { communityId: 'ASC', id: 'ASC' } })

const buildingsWithin = <T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string, scope: Place, param: string) =>
  qb.where(`${alias}.level = 'building'`).andWhere(`${alias}.${String(scopeColumn(scope.level))} = :${param}`, { [param]: scope.id })

export const countBuildingsWithin = (em: EntityManager, scope: Place): Promise<number> =>
  buildingsWithin(em.createQueryBuilder(Place, 'b'), 'b', scope, 'scopeId').getCount()

/**
 * The ids of the buildings under `scope`, as a subquery of the caller's query builder (its
 * parameter set there): a count over another module's rows in a scope stays one statement.
 */
export function buildingsWithinSubquery<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, scope: Place, param = 'scopeId'): string {
  const sub = buildingsWithin(qb.subQuery().select('sb.id').from(Place, 'sb'), 'sb', scope, param)
  qb.setParameters(sub.getParameters())
  return sub.getQuery()
}
