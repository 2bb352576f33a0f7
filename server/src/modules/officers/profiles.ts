import type { EntityManager } from 'typeorm'
import type { OfficerCard, OfficerProfileUpdate } from '@anju/shared'
import type { AppContext } from '../../context'
import { referenceDataChanged } from '../../db/reference-data'
import { AppError, notFound } from '../../errors/app-error'
import { recordAudit } from '../audit'
import { findPlace, findPlaceOrFail } from '../places'
import { officerOf, toOfficerCard } from './cards'
import { OfficerProfile } from './entities'

/** New officers start with a weekday day shift; they set their own hours afterwards. */
const DEFAULT_DUTY_HOURS = [{ days: [1, 2, 3, 4, 5], start: '08:30', end: '17:30' }]

/**
 * Gives a new officer (redeeming an invite, in its transaction) their profile: police number,
 * work phone, the station of the street they serve. A police number another officer holds is
 * refused; the unique index decides two at once.
 */
export async function enrolOfficer(
  em: EntityManager,
  officer: { userId: number; policeNumber: string; phone: string; placeId: number },
): Promise<void> {
  const taken = await em.findOneBy(OfficerProfile, { policeNumber: officer.policeNumber })
  if (taken && taken.userId !== officer.userId) throw new AppError(409, 'conflict', '该警号已被使用，请核对')
  const place = await findPlaceOrFail(em, officer.placeId)
  const street = place.streetId ? await findPlace(em, place.streetId) : place.level === 'street' ? place : null
  await em.upsert(
    OfficerProfile,
    {
      userId: officer.userId,
      policeNumber: officer.policeNumber,
      phone: officer.phone,
      photoUrl: null,
      station: `${(street ?? place).name.replace(/街道$/, '')}派出所`,
      duties: ['宣传员', '安全员', '调解员', '治安管理员', '信息采集员', '情报收集员'],
      dutyHours: DEFAULT_DUTY_HOURS,
      onLeaveUntil: null,
    },
    ['userId'],
  )
}

/** The station on an officer's profile ('' when not set), or null when they have no profile. */
export const officerStation = async (em: EntityManager, userId: number): Promise<string | null> =>
  (await em.findOneBy(OfficerProfile, { userId }))?.station ?? null

export async function updateOfficerProfile(app: AppContext, officerId: number, input: OfficerProfileUpdate): Promise<OfficerCard> {
  const officer = await officerOf(app.ds.manager, officerId)
  if (!officer) throw notFound('民警档案')
  const changes: Partial<OfficerProfile> = {}
  if (input.phone !== undefined) changes.phone = input.phone
  if (input.duties !== undefined) changes.duties = input.duties
  if (input.dutyHours !== undefined) changes.dutyHours = input.dutyHours
  if (input.onLeaveUntil !== undefined) changes.onLeaveUntil = input.onLeaveUntil ? new Date(input.onLeaveUntil) : null
  await app.ds.transaction(async (em) => {
    await em.update(OfficerProfile, { userId: officerId }, changes)
    await recordAudit(em, {
      actorUserId: officerId,
      action: 'officer.profile.update',
      targetType: 'officer',
      targetId: officerId,
      detail: { fields: Object.keys(changes) },
    })
  })
  // Who answers a building (officer or duty desk) depends on duty hours and leave.
  referenceDataChanged(app.ds)
  return toOfficerCard(officer.user, { ...officer.profile, ...changes }, app.now())
}

// The demo seed's writes: each an upsert or a plain set, so a seed cut off half-way finishes on the next start.

export async function saveOfficerProfile(em: EntityManager, profile: Omit<OfficerProfile, 'updatedAt'>): Promise<void> {
  await em.upsert(OfficerProfile, profile, ['userId'])
}

export async function setOfficerStation(em: EntityManager, userId: number, station: string): Promise<void> {
  await em.update(OfficerProfile, { userId }, { station })
}
