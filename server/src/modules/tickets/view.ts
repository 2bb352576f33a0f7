import { In, type EntityManager } from 'typeorm'
import type { Photo, TicketActor, TicketDetail, TicketSummary } from '@anju/shared'
import { allowedActions, REOPEN_WINDOW_DAYS, TICKET_ACTION_LABELS, TICKET_STATUS_LABELS } from '@anju/shared'
import type { AppContext } from '../../context'
import { decrypt } from '../../lib/crypto'
import { dutyDeskNames } from '../officers'
import { toPhoto, uploadsById, type Upload } from '../uploads'
import { currentUserNames, userById, type User } from '../users'
import { isStaff, seesReporter } from './access'
import { Department, Ticket, TicketEvent, TicketPhoto, TicketWhistle } from './entities'
import { placesById } from '../places'
import { allCategories } from './category-cache'
import { ticketNumber } from './numbers'

const iso = (d: Date | null) => (d ? d.toISOString() : null)

function slaOf(t: Ticket): TicketSummary['sla'] {
  if (t.stage === 'done') return 'ok'
  return t.slaLevel >= 2 ? 'overdue' : t.slaLevel === 1 ? 'warning' : 'ok'
}

/** Lists: one query per related table for the whole page, never one per row. */
export async function toSummaries(em: EntityManager, tickets: Ticket[]): Promise<TicketSummary[]> {
  if (tickets.length === 0) return []
  const unique = (ids: Array<number | null>) => [...new Set(ids.filter((x): x is number => x !== null))]
  const handlerIds = unique(tickets.map((t) => t.handlerUserId))
  const [categories, places, handler] = await Promise.all([
    allCategories(em),
    placesById(em, unique(tickets.map((t) => t.placeId))),
    currentUserNames(em, handlerIds),
  ])
  const category = new Map(categories.map((c) => [c.id, c.name]))
  return tickets.map((t) =>
    summaryOf(
      t,
      category.get(t.categoryId) ?? '',
      places.get(t.placeId)?.name ?? '',
      t.handlerUserId ? (handler.get(t.handlerUserId) ?? '') : null,
    ),
  )
}

export function summaryOf(t: Ticket, categoryName: string, placeName: string, handlerName: string | null): TicketSummary {
  return {
    id: t.id,
    number: ticketNumber(t.id, t.createdAt),
    kind: t.kind,
    categoryName,
    status: t.status,
    statusText: TICKET_STATUS_LABELS[t.status],
    urgent: t.urgent,
    title: t.description.split('\n')[0]!.slice(0, 40),
    placeName,
    level: t.level,
    handler: t.handlerUserId ? { userId: t.handlerUserId, name: handlerName ?? '' } : null,
    createdAt: t.createdAt.toISOString(),
    acceptDueAt: t.acceptDueAt.toISOString(),
    resolveDueAt: t.resolveDueAt.toISOString(),
    sla: slaOf(t),
    rating: t.rating,
  }
}

function photoVisible(upload: Upload, viewerId: number, actors: TicketActor[]): boolean {
  if (upload.review !== 'held') return true
  return upload.ownerUserId === viewerId || actors.includes('handler') || actors.includes('desk')
}

export async function toDetail(
  app: AppContext,
  em: EntityManager,
  ticket: Ticket,
  viewerId: number,
  actors: TicketActor[],
): Promise<TicketDetail> {
  const [[summary], events, photoRows, whistles, reporter, deskName] = await Promise.all([
    toSummaries(em, [ticket]),
    em.find(TicketEvent, { where: { ticketId: ticket.id }, order: { id: 'ASC' } }),
    em.find(TicketPhoto, { where: { ticketId: ticket.id }, order: { position: 'ASC', id: 'ASC' } }),
    em.find(TicketWhistle, { where: { ticketId: ticket.id }, order: { id: 'ASC' } }),
    seesReporter(actors) ? userById(em, ticket.reporterUserId) : null,
    deskNameOf(em, ticket.deskId),
  ])
  const uploads = new Map(
    (
      await uploadsById(
        em,
        photoRows.map((p) => p.uploadId),
      )
    ).map((u) => [u.id, u]),
  )
  const departments = new Map((await em.findBy(Department, { id: In(whistles.map((w) => w.departmentId)) })).map((d) => [d.id, d.name]))
  return assembleDetail(app, ticket, summary!, { events, photoRows, uploads, whistles, departments, reporter, deskName }, viewerId, actors)
}

async function deskNameOf(em: EntityManager, deskId: number | null): Promise<string | null> {
  return deskId ? ((await dutyDeskNames(em, [deskId])).get(deskId) ?? null) : null
}

export interface DetailParts {
  events: TicketEvent[]
  photoRows: Array<Pick<TicketPhoto, 'eventId' | 'uploadId'>>
  uploads: Map<number, Upload>
  whistles: TicketWhistle[]
  departments: Map<number, string>
  /** Loaded only for those who may see who reported. */
  reporter: User | null
  deskName: string | null
}

/** The detail as this viewer may see it, from parts already loaded (a fresh submit has them all in hand). */
export function assembleDetail(
  app: AppContext,
  ticket: Ticket,
  summary: TicketSummary,
  parts: DetailParts,
  viewerId: number,
  actors: TicketActor[],
): TicketDetail {
  const { events, photoRows, uploads, whistles, departments, reporter } = parts
  const staff = isStaff(actors)
  const photosOf = (eventId: number | null): Photo[] =>
    photoRows.flatMap((row) => {
      const upload = uploads.get(row.uploadId)
      return row.eventId === eventId && upload && photoVisible(upload, viewerId, actors) ? [toPhoto(app, upload)] : []
    })
  const hideWords = ticket.contentHeld && !actors.includes('reporter') && !actors.includes('handler') && !actors.includes('desk')
  const reopenUntil =
    ticket.status === 'resolved' && ticket.resolvedAt ? new Date(ticket.resolvedAt.getTime() + REOPEN_WINDOW_DAYS * 86400_000) : null
  return {
    ...summary,
    title: hideWords ? '（内容审核中）' : summary.title,
    categoryId: ticket.categoryId,
    description: hideWords ? '（内容审核中）' : ticket.description,
    photos: photosOf(null),
    locationText: ticket.locationText,
    latitude: ticket.latitude,
    longitude: ticket.longitude,
    anonymous: ticket.anonymous,
    reporter: reporter
      ? { name: reporter.name, phone: ticket.contactPhoneEnc ? decrypt(app.config.dataKey, ticket.contactPhoneEnc) : null }
      : null,
    resolution: ticket.resolution,
    rejectReason: ticket.rejectReason,
    ratingComment: ticket.ratingComment,
    acceptedAt: iso(ticket.acceptedAt),
    resolvedAt: iso(ticket.resolvedAt),
    closedAt: iso(ticket.closedAt),
    reopenUntil: reopenUntil && reopenUntil > app.now() ? reopenUntil.toISOString() : null,
    deskName: parts.deskName,
    timeline: events
      .filter((e) => staff || e.visibility === 'public')
      .map((e) => ({
        id: e.id,
        action: e.action as TicketDetail['timeline'][number]['action'],
        actionText: e.action === 'submit' ? '提交' : (TICKET_ACTION_LABELS[e.action as keyof typeof TICKET_ACTION_LABELS] ?? e.action),
        actorText: e.actorText,
        fromStatus: e.fromStatus,
        toStatus: e.toStatus,
        note: e.note,
        visibility: e.visibility,
        photos: photosOf(e.id),
        createdAt: e.createdAt.toISOString(),
      })),
    whistles: whistles.map((w) => ({
      id: w.id,
      department: departments.get(w.departmentId) ?? '',
      note: w.note,
      status: w.respondedAt ? 'responded' : w.reportedAt ? 'reported' : 'called',
      calledAt: w.calledAt.toISOString(),
      reportedAt: iso(w.reportedAt),
      response: w.response,
      respondedAt: iso(w.respondedAt),
    })),
    actions: allowedActions(ticket.status, actors).filter((a) => a !== 'auto_close'),
  }
}
