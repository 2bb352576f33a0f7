import type { EntityManager } from 'typeorm'
import { Place } from './entities'

/** A district, any: what statistics show an admin who has no scope of their own. */
export const anyDistrict = (em: EntityManager): Promise<Place | null> => em.findOneBy(Place, { level: 'district' })
