import { In, type EntityManager } from 'typeorm'
import { onReferenceDataChanged } from '../../db/reference-data'
import { TtlCache, cachePerDataSource } from '../../lib/ttl-cache'
import { Place } from './entities'

// Places are read on every submit, list and message; they change only by import or by staff edits.
// Cleared when reference data changes; lookups.ts reads fresh where a stale copy must not decide.
const places = cachePerDataSource(() => new TtlCache<number, Place | null>(60_000, 50_000))
onReferenceDataChanged((ds) => places(ds).clear())

export const placeById = (em: EntityManager, id: number): Promise<Place | null> =>
  places(em.connection).get(id, () => em.findOneBy(Place, { id }))

/** Places by id, one statement for those not cached; ids not found are left out. */
export async function placesById(em: EntityManager, ids: number[]): Promise<Map<number, Place>> {
  const cache = places(em.connection)
  const wanted = [...new Set(ids)]
  const misses = wanted.filter((id) => cache.peek(id) === undefined)
  if (misses.length > 0) for (const place of await em.findBy(Place, { id: In(misses) })) cache.set(place.id, place)
  const out = new Map<number, Place>()
  for (const id of wanted) {
    const place = cache.peek(id)
    if (place) out.set(id, place)
  }
  return out
}
