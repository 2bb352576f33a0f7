import { In, type EntityManager } from 'typeorm'
import type { Photo, TicketActor, TicketDetail, TicketSummary } from '@anju/shared'
import { allowedActions, REOPEN_WINDOW_DAYS, TICKET_ACTION_LABELS, TICKET_STATUS_LABELS } from '@anju/shared'
import type { AppContext } from '../../context'
import { decrypt } from '../../lib/crypto'
import { DutyDesk } from '../officers/entities'
import { Place } from '../places/entities'
import { Upload } from '../uploads/entities'
import { toPhoto } from '../uploads/service'
import { User } from '../users/entities'
import { isStaff, seesReporter } from './access'
import { Department, Ticket, TicketCategoryRow, TicketEvent, TicketPhoto, TicketWhistle } from './entities'
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
  const [categories, places, handlers] = await Promise.all([
    em.findBy(TicketCategoryRow, { id: In(unique(tickets.map((t) => t.categoryId))) }),
    em.findBy(Place, { id: In(unique(tickets.map((t) => t.placeId))) }),
    em.findBy(User, { id: In(unique(tickets.map((t) => t.handlerUserId))) }),
  ])
  const category = new Map(categories.map((c) => [c.id, c.name]))
  const place = new Map(places.map((p) => [p.id, p.name]))
  const handler = new Map(handlers.map((u) => [u.id, u.name]))
  return tickets.map((t) => ({
    id: t.id,
    number: ticketNumber(t.id, t.createdAt),
    kind: t.kind,
    categoryName: category.get(t.categoryId) ?? '',
    status: t.status,
    statusText: TICKET_STATUS_LABELS[t.status],
    urgent: t.urgent,
    title: t.description.split('\n')[0]!.slice(0, 40),
    placeName: place.get(t.placeId) ?? '',
    level: t.level,
    handler: t.handlerUserId ? { userId: t.handlerUserId, name: handler.get(t.handlerUserId) ?? '' } : null,
    createdAt: t.createdAt.toISOString(),
    acceptDueAt: t.acceptDueAt.toISOString(),
    resolveDueAt: t.resolveDueAt.toISOString(),
    sla: slaOf(t),
    rating: t.rating,
  }))
}

function photoVisible(upload: Upload, viewerId: number, actors: TicketActor[]): boolean {
  if (upload.review !== 'held') return true
  return upload.ownerUserId === viewerId || actors.includes('handler') || actors.includes('desk')
}

export async function toDetail(app: AppContext, em: EntityManager, ticket: Ticket, viewerId: number, actors: TicketActor[]): Promise<TicketDetail> {
  const staff = isStaff(actors)
  const [[summary], events, photoRows, whistles, reporter, desk] = await Promise.all([
    toSummaries(em, [ticket]),
    em.find(TicketEvent, { where: { ticketId: ticket.id }, order: { id: 'ASC' } }),
    em.find(TicketPhoto, { where: { ticketId: ticket.id }, order: { position: 'ASC', id: 'ASC' } }),
    em.find(TicketWhistle, { where: { ticketId: ticket.id }, order: { id: 'ASC' } }),
    seesReporter(actors) ? em.findOneBy(User, { id: ticket.reporterUserId }) : null,
    ticket.deskId ? em.findOneBy(DutyDesk, { id: ticket.deskId }) : null,
  ])
  const uploads = new Map((await em.findBy(Upload, { id: In(photoRows.map((p) => p.uploadId)) })).map((u) => [u.id, u]))
  const photosOf = (eventId: number | null): Photo[] =>
    photoRows.flatMap((row) => {
      const upload = uploads.get(row.uploadId)
      return row.eventId === eventId && upload && photoVisible(upload, viewerId, actors) ? [toPhoto(app, upload)] : []
    })
  const departments = new Map((await em.findBy(Department, { id: In(whistles.map((w) => w.departmentId)) })).map((d) => [d.id, d.name]))
  const hideWords = ticket.contentHeld && !actors.includes('reporter') && !actors.includes('handler') && !actors.includes('desk')
  const reopenUntil = ticket.status === 'resolved' && ticket.resolvedAt ? new Date(ticket.resolvedAt.getTime() + REOPEN_WINDOW_DAYS * 86400_000) : null
  return {
    ...summary!,
    title: hideWords ? '（内容审核中）' : summary!.title,
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
    deskName: desk?.name ?? null,
    timeline: events
      .filter((e) => staff || e.visibility === 'public')
      .map((e) => ({
        id: e.id,
        action: e.action as TicketDetail['timeline'][number]['action'],
        actionText: e.action === 'submit' ? '提交' : TICKET_ACTION_LABELS[e.action as keyof typeof TICKET_ACTION_LABELS] ?? e.action,
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
