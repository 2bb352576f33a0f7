import { In, type EntityManager } from 'typeorm'
import type { DutyDeskCard } from '@anju/shared'
import { findPlace, placesWithinSubquery, type Place } from '../places'
import { DutyDesk } from './entities'
import type { StaffReach } from './scopes'

/** Duty desks (值班台): one per place at most, answering for everything under it. */

/** The duty desk that covers a place: the place's own, else its street's, else its district's — nearest first. */
export async function coveringDutyDesk(em: EntityManager, place: Place): Promise<DutyDeskCard | null> {
  const candidates = [place.id, place.streetId, place.districtId].filter((x): x is number => x !== null)
  const desks = await em.findBy(DutyDesk, { placeId: In(candidates) })
  const desk = candidates.map((id) => desks.find((d) => d.placeId === id)).find(Boolean)
  if (!desk) return null
  const deskPlace = await findPlace(em, desk.placeId)
  return { id: desk.id, name: desk.name, phone: desk.phone, placeName: deskPlace?.name ?? '' }
}

/** The duty desks within a staff member's reach: the desk of their scope place and every desk beneath it; all for 'all'. */
export async function deskIdsWithin(em: EntityManager, reach: StaffReach): Promise<number[]> {
  if (reach === null) return []
  const qb = em.createQueryBuilder(DutyDesk, 'd').select('d.id', 'id')
  if (reach !== 'all') qb.where(`d.placeId IN ${placesWithinSubquery(qb, reach, 'reachId')}`)
  return (await qb.getRawMany<{ id: number | string }>()).map((r) => Number(r.id))
}

/** Duty desks' names by id, one statement; ids not found are left out. */
export async function dutyDeskNames(em: EntityManager, deskIds: number[]): Promise<Map<number, string>> {
  if (deskIds.length === 0) return new Map()
  return new Map((await em.findBy(DutyDesk, { id: In(deskIds) })).map((d) => [d.id, d.name]))
}

/** The demo seed's desks; desks already there (by place) are left as they are. */
export async function addDutyDesks(em: EntityManager, desks: Array<Pick<DutyDesk, 'placeId' | 'name' | 'phone'>>): Promise<void> {
  await em.getRepository(DutyDesk).createQueryBuilder().insert().values(desks).orIgnore().execute()
}
