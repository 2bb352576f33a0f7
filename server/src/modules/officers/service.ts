import { In, type EntityManager } from 'typeorm'
import type { BuildingLeadCard, DeskOverview, DutyDeskCard, OfficerCard, OfficerOverview, OfficerProfileUpdate } from '@anju/shared'
import { describeDutyHours, dutyStatus, isOnDuty } from '@anju/shared'
import type { AppContext } from '../../context'
import { AppError, notFound } from '../../errors/app-error'
import { referenceDataChanged } from '../../db/reference-data'
import { recordAudit } from '../audit/service'
import { Place } from '../places/entities'
import { isWithin, scopeColumn } from '../places'
import { Residence, User } from '../users/entities'
import { BuildingLead, DutyDesk, OfficerProfile } from './entities'
import { Conversation } from '../messages/entities'

export function toOfficerCard(user: User, profile: OfficerProfile, now: Date): OfficerCard {
  const duty = dutyStatus(profile.dutyHours, profile.onLeaveUntil, now)
  return {
    userId: user.id,
    name: user.name,
    policeNumber: profile.policeNumber,
    phone: profile.phone,
    photoUrl: profile.photoUrl,
    station: profile.station,
    duties: profile.duties,
    dutyHoursText: describeDutyHours(profile.dutyHours),
    onDuty: duty.status === 'on_duty',
    status: duty.status,
    statusText: duty.text,
  }
}

/** The duty desk that covers a place: the place's own, else its street's, else its district's — nearest first. */
export async function coveringDutyDesk(em: EntityManager, place: Place): Promise<DutyDeskCard | null> {
  const candidates = [place.id, place.streetId, place.districtId].filter((x): x is number => x !== null)
  const desks = await em.findBy(DutyDesk, { placeId: In(candidates) })
  const desk = candidates.map((id) => desks.find((d) => d.placeId === id)).find(Boolean)
  if (!desk) return null
  const deskPlace = await em.findOneBy(Place, { id: desk.placeId })
  return { id: desk.id, name: desk.name, phone: desk.phone, placeName: deskPlace?.name ?? '' }
}

async function officerOf(em: EntityManager, userId: number): Promise<{ user: User; profile: OfficerProfile } | null> {
  const [user, profile] = await Promise.all([em.findOneBy(User, { id: userId }), em.findOneBy(OfficerProfile, { userId })])
  return user && profile && !user.disabledAt ? { user, profile } : null
}

/** 我的楼长民警: the officer of the resident's building, and who covers when they are off duty. */
export async function buildingLeadCardFor(app: AppContext, residentId: number): Promise<BuildingLeadCard> {
  const em = app.ds.manager
  const residence = await em.findOneBy(Residence, { userId: residentId })
  if (!residence) throw new AppError(404, 'not_found', '请先绑定您居住的楼栋')
  const building = await em.findOneByOrFail(Place, { id: residence.buildingId })
  const [names, lead] = await Promise.all([
    em.findBy(Place, { id: In([building.communityId ?? 0, building.streetId ?? 0]) }),
    em.findOneBy(BuildingLead, { buildingId: building.id }),
  ])
  const officer = lead ? await officerOf(em, lead.officerUserId) : null
  const card = officer ? toOfficerCard(officer.user, officer.profile, app.now()) : null
  const reason = !card ? 'no_officer' : card.onDuty ? null : 'off_duty'
  return {
    building: {
      id: building.id,
      name: building.name,
      community: names.find((p) => p.id === building.communityId)?.name ?? '',
      street: names.find((p) => p.id === building.streetId)?.name ?? '',
      address: building.address,
    },
    officer: card,
    cover: reason ? { reason, dutyDesk: await coveringDutyDesk(em, building) } : null,
  }
}

export async function officerOverview(app: AppContext, officerId: number): Promise<OfficerOverview> {
  const em = app.ds.manager
  const officer = await officerOf(em, officerId)
  if (!officer) throw notFound('民警档案')
  const leads = await em.findBy(BuildingLead, { officerUserId: officerId })
  const buildings = await em.find(Place, { where: { id: In(leads.map((l) => l.buildingId)) }, order: { communityId: 'ASC', id: 'ASC' } })
  const parents = await em.findBy(Place, { id: In(buildings.flatMap((b) => [b.communityId ?? 0, b.gridId ?? 0])) })
  const counts = await residentCounts(
    em,
    buildings.map((b) => b.id),
  )
  const items = buildings.map((b) => ({
    id: b.id,
    name: b.name,
    community: parents.find((p) => p.id === b.communityId)?.name ?? '',
    grid: parents.find((p) => p.id === b.gridId)?.name ?? '',
    residents: counts.get(b.id) ?? 0,
  }))
  return {
    officer: toOfficerCard(officer.user, officer.profile, app.now()),
    buildings: items,
    totalResidents: items.reduce((n, b) => n + b.residents, 0),
  }
}

async function residentCounts(em: EntityManager, buildingIds: number[]): Promise<Map<number, number>> {
  if (buildingIds.length === 0) return new Map()
  const rows = await em
    .createQueryBuilder(Residence, 'r')
    .select('r.buildingId', 'buildingId')
    .addSelect('COUNT(*)', 'n')
    .where('r.buildingId IN (:...ids)', { ids: buildingIds })
    .groupBy('r.buildingId')
    .getRawMany<{ buildingId: number | string; n: number | string }>()
  return new Map(rows.map((r) => [Number(r.buildingId), Number(r.n)]))
}

/**
 * What a staff member answers for, failing closed: their scope place; 'all' only for an admin with
 * no scope set; null — nothing — when no scope is set, its place no longer exists or the user is
 * gone. Every scope check goes through this (with `reaches`), so none can read a missing scope
 * as "everywhere".
 */
export type StaffReach = Place | 'all' | null

export async function staffReach(em: EntityManager, userId: number): Promise<StaffReach> {
  const user = await em.findOneBy(User, { id: userId })
  if (!user) return null
  if (user.scopePlaceId === null) return user.role === 'admin' ? 'all' : null
  return em.findOneBy(Place, { id: user.scopePlaceId })
}

export function reaches(reach: StaffReach, place: Place): boolean {
  return reach === 'all' || (reach !== null && isWithin(place, reach))
}

export async function deskOverview(app: AppContext, userId: number): Promise<DeskOverview> {
  const em = app.ds.manager
  const reach = await staffReach(em, userId)
  // The overview is of one place: an admin without a scope has none to show, as a desk without one.
  if (reach === null || reach === 'all') throw new AppError(409, 'conflict', '您的账号尚未设置管辖范围')
  const scope = reach
  const inScope = em
    .createQueryBuilder(Place, 'b')
    .where("b.level = 'building'")
    .andWhere(`b.${String(scopeColumn(scope.level))} = :scopeId`, { scopeId: scope.id })
  const [buildings, withoutOfficer, residents, leadRows] = await Promise.all([
    inScope.clone().getCount(),
    inScope.clone().leftJoin(BuildingLead, 'l', 'l.buildingId = b.id').andWhere('l.id IS NULL').getCount(),
    inScope.clone().innerJoin(Residence, 'r', 'r.buildingId = b.id').getCount(),
    inScope
      .clone()
      .innerJoin(BuildingLead, 'l', 'l.buildingId = b.id')
      .select('l.officerUserId', 'officerUserId')
      .addSelect('COUNT(*)', 'n')
      .groupBy('l.officerUserId')
      .getRawMany<{ officerUserId: number | string; n: number | string }>(),
  ])
  const officers = await officersLeading(app, leadRows)
  return {
    scope: { id: scope.id, level: scope.level, name: scope.name },
    dutyDesk: await coveringDutyDesk(em, scope),
    buildings,
    buildingsWithoutOfficer: withoutOfficer,
    residents,
    officers,
  }
}

/** Officers with how many buildings each leads (rows of a GROUP BY officerUserId), on duty first; `activeOnly` leaves out disabled accounts. */
export async function officersLeading(
  app: AppContext,
  leadRows: Array<{ officerUserId: number | string; n: number | string }>,
  opts: { activeOnly?: boolean } = {},
): Promise<DeskOverview['officers']> {
  const em = app.ds.manager
  const ids = leadRows.map((r) => Number(r.officerUserId))
  const [users, profiles] = await Promise.all([em.findBy(User, { id: In(ids) }), em.findBy(OfficerProfile, { userId: In(ids) })])
  const now = app.now()
  const officers = leadRows.flatMap((r) => {
    const user = users.find((u) => u.id === Number(r.officerUserId))
    const profile = profiles.find((p) => p.userId === Number(r.officerUserId))
    if (!user || !profile || (opts.activeOnly && user.disabledAt)) return []
    return [
      {
        userId: user.id,
        name: user.name,
        policeNumber: profile.policeNumber,
        onDuty: isOnDuty(profile.dutyHours, profile.onLeaveUntil, now),
        buildings: Number(r.n),
      },
    ]
  })
  return officers.sort((a, b) => Number(b.onDuty) - Number(a.onDuty) || a.policeNumber.localeCompare(b.policeNumber))
}

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

/** Staff who answer for a building: the officer who leads it, a duty desk whose scope holds it, an admin. */
export async function mayManageBuilding(app: AppContext, user: { id: number; role: string }, building: Place): Promise<boolean> {
  if (user.role === 'admin') return true
  if (user.role === 'officer') return app.ds.getRepository(BuildingLead).existsBy({ buildingId: building.id, officerUserId: user.id })
  if (user.role !== 'dispatcher') return false
  return reaches(await staffReach(app.ds.manager, user.id), building)
}

/** The duty desk (or an admin) names the officer who leads a building in its scope. */
export async function assignBuildingLead(app: AppContext, actorId: number, buildingId: number, officerUserId: number): Promise<void> {
  const em = app.ds.manager
  const [building, reach, officer] = await Promise.all([
    em.findOneBy(Place, { id: buildingId, level: 'building' }),
    staffReach(em, actorId),
    officerOf(em, officerUserId),
  ])
  if (!building || !reaches(reach, building)) throw notFound('楼栋')
  if (!officer || officer.user.role !== 'officer') throw notFound('民警')
  await app.ds.transaction(async (tx) => {
    const lead = await tx.findOneBy(BuildingLead, { buildingId })
    // One upsert on the building's unique index: two desks naming a lead at once both succeed, the later one stands.
    await tx.upsert(BuildingLead, { buildingId, officerUserId }, ['buildingId'])
    // The building's conversations go to the new officer's inbox.
    await tx.update(Conversation, { buildingId }, { officerUserId })
    await recordAudit(tx, {
      actorUserId: actorId,
      action: 'building_lead.assign',
      targetType: 'building',
      targetId: buildingId,
      detail: { officerUserId, previous: lead?.officerUserId ?? null },
    })
  })
  referenceDataChanged(app.ds)
}
