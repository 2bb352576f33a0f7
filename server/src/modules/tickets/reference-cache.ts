import type { DataSource, EntityManager } from 'typeorm'
import { In } from 'typeorm'
import type { DutyDeskCard } from '@anju/shared'
import { BuildingLead, OfficerProfile } from '../officers/entities'
import { coveringDutyDesk } from '../officers/service'
import { Place } from '../places/entities'
import { User } from '../users/entities'
import { onReferenceDataChanged } from '../../db/reference-data'
import { TicketCategoryRow } from './entities'

/**
 * Reference data read on every submit and every list — categories, places, who leads a building,
 * which desk covers it — changes rarely. Each instance keeps it for a few seconds: writers in this
 * instance clear it at once, other instances see a change within the TTL. It is what lets a burst
 * of reports after an incident cost the database two inserts each rather than a dozen reads.
 */
export class TtlCache<K, V> {
  private readonly entries = new Map<K, { value: V; until: number }>()
  constructor(
    private readonly ttlMs: number,
    private readonly max: number,
  ) {}

  async get(key: K, load: () => Promise<V>): Promise<V> {
    const hit = this.peek(key)
    if (hit !== undefined) return hit
    const value = await load()
    this.set(key, value)
    return value
  }

  peek(key: K): V | undefined {
    const hit = this.entries.get(key)
    return hit && hit.until > Date.now() ? hit.value : undefined
  }

  set(key: K, value: V): void {
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value as K)
    this.entries.set(key, { value, until: Date.now() + this.ttlMs })
  }

  clear(): void {
    this.entries.clear()
  }
}

export interface BuildingRouting {
  lead: { user: User; profile: OfficerProfile } | null
  desk: DutyDeskCard | null
}

interface Caches {
  categories: TtlCache<'all', TicketCategoryRow[]>
  places: TtlCache<number, Place | null>
  routing: TtlCache<number, BuildingRouting>
  openids: TtlCache<number, string | null>
}

const byDataSource = new WeakMap<DataSource, Caches>()
function caches(ds: DataSource): Caches {
  let c = byDataSource.get(ds)
  if (!c) {
    c = {
      categories: new TtlCache(30_000, 1),
      places: new TtlCache(60_000, 50_000),
      routing: new TtlCache(30_000, 50_000),
      openids: new TtlCache(300_000, 100_000),
    }
    byDataSource.set(ds, c)
  }
  return c
}

export const allCategories = (em: EntityManager): Promise<TicketCategoryRow[]> =>
  caches(em.connection).categories.get('all', () => em.find(TicketCategoryRow, { order: { kind: 'ASC', sortOrder: 'ASC', id: 'ASC' } }))

export async function placesById(em: EntityManager, ids: number[]): Promise<Map<number, Place>> {
  const cache = caches(em.connection).places
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

export const placeById = (em: EntityManager, id: number): Promise<Place | null> =>
  caches(em.connection).places.get(id, () => em.findOneBy(Place, { id }))

export const openidOf = (em: EntityManager, userId: number): Promise<string | null> =>
  caches(em.connection).openids.get(
    userId,
    async () => (await em.findOne(User, { where: { id: userId }, select: { id: true, openid: true } }))?.openid ?? null,
  )

export const buildingRouting = (em: EntityManager, building: Place): Promise<BuildingRouting> =>
  caches(em.connection).routing.get(building.id, async () => {
    const [desk, lead] = await Promise.all([coveringDutyDesk(em, building), em.findOneBy(BuildingLead, { buildingId: building.id })])
    if (!lead) return { lead: null, desk }
    const [user, profile] = await Promise.all([
      em.findOneBy(User, { id: lead.officerUserId }),
      em.findOneBy(OfficerProfile, { userId: lead.officerUserId }),
    ])
    return { lead: user && profile && !user.disabledAt ? { user, profile } : null, desk }
  })

/** After categories, places, building leads, officer profiles or duty desks change in this instance. */
export function forgetReferenceData(ds: DataSource): void {
  const c = caches(ds)
  c.categories.clear()
  c.routing.clear()
  c.places.clear()
}
onReferenceDataChanged(forgetReferenceData)
