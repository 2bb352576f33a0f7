import type { EntityManager } from 'typeorm'
import { Place } from './entities'

/** Reads for the demo seed (demo/seed.ts), which writes its places through the CSV import. */

export const findDistrictByName = (em: EntityManager, name: string): Promise<Place> =>
  em.findOneByOrFail(Place, { name, level: 'district' })

export const streetsOf = (em: EntityManager, districtId: number): Promise<Place[]> =>
  em.find(Place, { where: { level: 'street', districtId }, order: { id: 'ASC' } })

export const buildingByCodeOrFail = (em: EntityManager, code: string): Promise<Place> => em.findOneByOrFail(Place, { code })

export const firstUnitOf = (em: EntityManager, buildingId: number): Promise<Place | null> =>
  em.findOne(Place, { where: { parentId: buildingId, level: 'unit' }, order: { id: 'ASC' } })
