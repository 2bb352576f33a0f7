import { In, type EntityManager } from 'typeorm'
import { Place } from './entities'

/**
 * Places read fresh from the database, for callers that must not act on a cached copy: permission
 * checks, writes, staff pages. The hot paths (submit, lists, messages) read cache.ts's placeById
 * and placesById, which may be a minute old.
 */

// findPlace when a missing place is an answer, findPlaceOrFail when the id must exist.
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

/** A district, any: what statistics show an admin who has no scope of their own. */
export const anyDistrict = (em: EntityManager): Promise<Place | null> => em.findOneBy(Place, { level: 'district' })

// The demo seed's reads (it writes its places through the CSV import).

export const findDistrictByName = (em: EntityManager, name: string): Promise<Place> =>
  em.findOneByOrFail(Place, { name, level: 'district' })

export const streetsOf = (em: EntityManager, districtId: number): Promise<Place[]> =>
  em.find(Place, { where: { level: 'street', districtId }, order: { id: 'ASC' } })

export const buildingByCodeOrFail = (em: EntityManager, code: string): Promise<Place> => em.findOneByOrFail(Place, { code })

export const firstUnitOf = (em: EntityManager, buildingId: number): Promise<Place | null> =>
  em.findOne(Place, { where: { parentId: buildingId, level: 'unit' }, order: { id: 'ASC' } })
