import { In, type EntityManager } from 'typeorm'
import type { DutyDeskCard } from '@anju/shared'
import { findPlace, type Place } from '../places'
import { DutyDesk } from './entities'

/** The duty desk that covers a place: the place's own, else its street's, else its district's — nearest first. */
export async function coveringDutyDesk(em: EntityManager, place: Place): Promise<DutyDeskCard | null> {
  const candidates = [place.id, place.streetId, place.districtId].filter((x): x is number => x !== null)
  const desks = await em.findBy(DutyDesk, { placeId: In(candidates) })
  const desk = candidates.map((id) => desks.find((d) => d.placeId === id)).find(Boolean)
  if (!desk) return null
  const deskPlace = await findPlace(em, desk.placeId)
  return { id: desk.id, name: desk.name, phone: desk.phone, placeName: deskPlace?.name ?? '' }
}
