import type { EntityManager } from 'typeorm'
import { findPlace, isWithin, type Place } from '../places'
import { userById } from '../users'

/**
 * What a staff member answers for, failing closed: their scope place; 'all' only for an admin with
 * no scope set; null — nothing — when no scope is set, its place no longer exists or the user is
 * gone. Every scope check goes through this (with `reaches`), so none can read a missing scope
 * as "everywhere".
 */
export type StaffReach = Place | 'all' | null

export async function staffReach(em: EntityManager, userId: number): Promise<StaffReach> {
  const user = await userById(em, userId)
  if (!user) return null
  if (user.scopePlaceId === null) return user.role === 'admin' ? 'all' : null
  return findPlace(em, user.scopePlaceId)
}

export function reaches(reach: StaffReach, place: Place): boolean {
  return reach === 'all' || (reach !== null && isWithin(place, reach))
}
