import type { EntityManager } from 'typeorm'
import type { DutyDeskCard, PlaceLevel } from '@anju/shared'
import { isOnDuty } from '@anju/shared'
import type { Place } from '../places'
import type { TicketCategoryRow } from './entities'
import { buildingRouting, coveringDutyDesk } from '../officers'
import { placeById, scopeColumn } from '../places'

export interface Routing {
  handler: { userId: number; name: string; station: string } | null
  desk: { id: number; name: string } | null
  level: PlaceLevel
}

/**
 * 分类推送: a new ticket goes to the building's lead officer when the category routes there and
 * the officer is on duty; otherwise (no officer, off duty, on leave, or a desk category) it waits
 * in the queue of the duty desk that covers the place. The desk is recorded either way: it is
 * who the SLA sweep alerts.
 */
export async function routeNewTicket(em: EntityManager, building: Place, category: TicketCategoryRow, now: Date): Promise<Routing> {
  const { lead, desk } = await buildingRouting(em, building)
  const onDuty = lead !== null && isOnDuty(lead.profile.dutyHours, lead.profile.onLeaveUntil, now)
  const handler =
    lead && onDuty && category.routeTo === 'building_lead'
      ? { userId: lead.user.id, name: lead.user.name, station: lead.profile.station }
      : null
  return { handler, desk: desk ? { id: desk.id, name: desk.name } : null, level: building.gridId ? 'grid' : 'community' }
}

/** 按级流转: grid → community → street → district. "大事不出区": the district is the top. */
export const ESCALATION_LEVELS: readonly PlaceLevel[] = ['grid', 'community', 'street', 'district']

export function nextLevel(level: PlaceLevel): PlaceLevel | null {
  const i = ESCALATION_LEVELS.indexOf(level)
  return i >= 0 && i < ESCALATION_LEVELS.length - 1 ? ESCALATION_LEVELS[i + 1]! : null
}

/** The duty desk that answers for a ticket at a level: the desk covering the building's ancestor at that level. */
export async function deskAtLevel(em: EntityManager, building: Place, level: PlaceLevel): Promise<DutyDeskCard | null> {
  const column = scopeColumn(level)
  const ancestorId = column ? building[column] : null
  const place = ancestorId ? await placeById(em, ancestorId) : building
  return place ? coveringDutyDesk(em, place) : null
}

export interface Deadlines {
  acceptDueAt: Date
  resolveDueAt: Date
  warnAt: Date
}

/** The SLA clock from a start: the accept deadline applies first, so the pre-warning aims at it. */
export function deadlinesFrom(category: TicketCategoryRow, urgent: boolean, start: Date): Deadlines {
  const acceptMin = urgent ? category.urgentAcceptMinutes : category.acceptMinutes
  const resolveMin = urgent ? category.urgentResolveMinutes : category.resolveMinutes
  const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000)
  return { acceptDueAt: at(acceptMin), resolveDueAt: at(resolveMin), warnAt: at((acceptMin * category.warnAtPercent) / 100) }
}

/** Once accepted, the pre-warning aims at the resolve deadline instead. */
export function resolveWarnAt(category: TicketCategoryRow, createdAt: Date, resolveDueAt: Date): Date {
  const span = resolveDueAt.getTime() - createdAt.getTime()
  return new Date(createdAt.getTime() + (span * category.warnAtPercent) / 100)
}
