import { In, type EntityManager } from 'typeorm'
import type { BuildingLeadCard, DeskOverview, OfficerCard, OfficerOverview } from '@anju/shared'
import { describeDutyHours, dutyStatus, isOnDuty } from '@anju/shared'
import type { AppContext } from '../../context'
import { AppError, notFound } from '../../errors/app-error'
import { findBuildingsInListOrder, findPlaceOrFail, findPlaces } from '../places'
import { residenceOf, residentCountsByBuilding, userById, usersByIds, type User } from '../users'
import { coveringDutyDesk } from './desks'
import { BuildingLead, OfficerProfile } from './entities'
import { buildingsLedBy } from './leads'

/** What residents and staff see of an officer, with their duty status at `now`. */
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

/** An active officer's account and profile; null when either is missing or the account is disabled. */
export async function officerOf(em: EntityManager, userId: number): Promise<{ user: User; profile: OfficerProfile } | null> {
  const [user, profile] = await Promise.all([userById(em, userId), em.findOneBy(OfficerProfile, { userId })])
  return user && profile && !user.disabledAt ? { user, profile } : null
}

/** 我的楼长民警: the officer of the resident's building, and who covers when they are off duty. */
export async function buildingLeadCardFor(app: AppContext, residentId: number): Promise<BuildingLeadCard> {
  const em = app.ds.manager
  const residence = await residenceOf(em, residentId)
  if (!residence) throw new AppError(404, 'not_found', '请先绑定您居住的楼栋')
  const building = await findPlaceOrFail(em, residence.buildingId)
  const [names, lead] = await Promise.all([
    findPlaces(em, [building.communityId ?? 0, building.streetId ?? 0]),
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
  const buildings = await findBuildingsInListOrder(em, await buildingsLedBy(em, officerId))
  const parents = await findPlaces(
    em,
    buildings.flatMap((b) => [b.communityId ?? 0, b.gridId ?? 0]),
  )
  const counts = await residentCountsByBuilding(
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

/** Officers with how many buildings each leads (rows of a GROUP BY officerUserId), on duty first; `activeOnly` leaves out disabled accounts. */
export async function officersLeading(
  app: AppContext,
  leadRows: Array<{ officerUserId: number | string; n: number | string }>,
  opts: { activeOnly?: boolean } = {},
): Promise<DeskOverview['officers']> {
  const em = app.ds.manager
  const ids = leadRows.map((r) => Number(r.officerUserId))
  const [users, profiles] = await Promise.all([usersByIds(em, ids), em.findBy(OfficerProfile, { userId: In(ids) })])
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
