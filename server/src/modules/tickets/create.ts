import type { EntityManager } from 'typeorm'
import type { TicketReceipt } from '@anju/shared'
import { allowedActions, createTicketSchema, detectEmergency } from '@anju/shared'
import type { z } from 'zod'
import type { AppContext } from '../../context'
import { isUniqueViolation } from '../../db/errors'
import { AppError } from '../../errors/app-error'
import { encrypt } from '../../lib/crypto'
import type { AuthUser } from '../../middleware/auth'
import { officerStation } from '../officers'
import type { Place } from '../places'
import { checkText, claimUploads, type Upload } from '../uploads'
import { residenceOf } from '../users'
import { raiseDeskAlert } from './alerts'
import { Ticket, TicketEvent } from './entities'
import { insertTicketPhotos } from './photos'
import { ticketNumber } from './numbers'
import { placeById } from '../places'
import { openidOf } from '../users'
import { allCategories } from './category-cache'
import { deadlinesFrom, routeNewTicket, type Routing } from './routing'
import { assembleDetail, summaryOf, toDetail } from './view'

type CreateTicket = z.output<typeof createTicketSchema>

/**
 * 隐患上报 / 矛盾纠纷: validates, routes and stores a resident's report with its photos in one
 * transaction. The (reporter, clientKey) unique index makes a retried submit — even two at once —
 * come back with the first ticket instead of a second one. This is the path a burst of reports
 * takes, so it reads reference data from the instance's cache and builds the receipt from what it
 * already holds: a new report costs one lookup and one short transaction.
 */
export async function submitTicket(app: AppContext, user: AuthUser, input: CreateTicket): Promise<TicketReceipt> {
  const em = app.ds.manager
  // A plain indexed lookup first (most submits are new): the whole row only for a retry.
  const seen = (await em.query('SELECT id FROM ticket WHERE reporterUserId = ? AND clientKey = ?', [user.id, input.clientKey])) as Array<{
    id: number
  }>
  if (seen.length > 0) return replayReceipt(app, await em.findOneByOrFail(Ticket, { id: Number(seen[0]!.id) }), user)

  const [categories, building, openid] = await Promise.all([
    allCategories(em),
    buildingFor(em, user.id, input.location),
    openidOf(em, user.id),
  ])
  const category = categories.find((c) => c.id === input.categoryId && c.kind === input.kind && c.active)
  if (!category) throw new AppError(400, 'validation_failed', '请选择正确的问题类别', { field: 'categoryId' })
  // The same guard the app runs before sending: the prompt names the dangers, the ticket keeps their kinds.
  const dangers = detectEmergency(input.description)
  const signals = dangers.map((d) => d.label)
  const kinds = dangers.map((d) => d.kind)
  if (dangers.length > 0 && !input.emergencyAcknowledged) {
    throw new AppError(409, 'emergency_confirm_required', `您描述的情况可能正在发生危险（${signals.join('、')}），请立即拨打110`, {
      signals,
      kinds,
    })
  }
  const review = await checkText(app, { openid: openid ?? '', content: input.description, scene: 1 })
  // Whole seconds: MySQL's DATETIME keeps no fractions, and the receipt's times should add up.
  const now = new Date(Math.floor(app.now().getTime() / 1000) * 1000)
  const urgent = dangers.length > 0
  const routing = await routeNewTicket(em, building, category, now)
  const pin = input.location.type === 'pin' ? input.location : null
  const ticket = em.create(Ticket, {
    clientKey: input.clientKey,
    kind: input.kind,
    categoryId: category.id,
    status: 'submitted',
    stage: 'pending',
    slaLevel: 0,
    urgent,
    description: input.description,
    reporterUserId: user.id,
    anonymous: input.anonymous,
    contactPhoneEnc: input.contactPhone ? encrypt(app.config.dataKey, input.contactPhone) : null,
    placeId: building.id,
    districtId: building.districtId ?? building.id,
    streetId: building.streetId,
    communityId: building.communityId,
    gridId: building.gridId,
    locationText: (pin?.address ?? [building.name, building.address].filter(Boolean).join(' · ')).slice(0, 160),
    latitude: pin?.latitude ?? null,
    longitude: pin?.longitude ?? null,
    level: routing.level,
    handlerUserId: routing.handler?.userId ?? null,
    deskId: routing.desk?.id ?? null,
    ...deadlinesFrom(category, urgent, now),
    warnedAt: null,
    breachedAt: null,
    acceptedAt: null,
    resolvedAt: null,
    closedAt: null,
    resolution: null,
    rejectReason: null,
    rating: null,
    ratingComment: null,
    reopenCount: 0,
    onTime: null,
    subscribed: input.subscribed,
    contentHeld: review === 'held',
    createdAt: now,
    updatedAt: now,
  })
  const whom = routing.handler ? `楼长民警 ${routing.handler.name}` : (routing.desk?.name ?? '值班台')
  const event = em.create(TicketEvent, {
    actorUserId: user.id,
    actorText: input.anonymous ? '匿名居民' : '居民',
    action: 'submit',
    fromStatus: null,
    toStatus: 'submitted',
    note: `已提交，由${whom}受理${urgent ? '（紧急）' : ''}`,
    visibility: 'public',
    detail: urgent ? { emergency: kinds.join(',') } : null,
    createdAt: now,
  })

  let uploads: Upload[]
  try {
    uploads = await app.ds.transaction(async (tx) => {
      ticket.id = await insertRow(tx, Ticket, ticket)
      event.ticketId = ticket.id
      event.id = await insertRow(tx, TicketEvent, event)
      const claimed = await claimUploads(tx, user.id, input.photoIds, 'ticket')
      await insertTicketPhotos(
        tx,
        claimed.map((u, position) => ({ ticketId: ticket.id, eventId: null, uploadId: u.id, position })),
      )
      if (urgent) await raiseDeskAlert(tx, routing.desk?.id ?? null, ticket.id, 'urgent', now)
      if (category.alertDesk) await raiseDeskAlert(tx, routing.desk?.id ?? null, ticket.id, 'category', now)
      return claimed
    })
  } catch (err) {
    if (!isUniqueViolation(err)) throw err
    const first = await em.findOneBy(Ticket, { reporterUserId: user.id, clientKey: input.clientKey })
    if (!first) throw err
    return replayReceipt(app, first, user)
  }
  app.log.info('ticket submitted', { ticketId: ticket.id, urgent, handled: ticket.handlerUserId ? 'officer' : 'desk' })
  return freshReceipt(app, ticket, event, uploads, building, category.name, routing, user)
}

/** INSERT without TypeORM's read-back of the row: everything is already in hand but the new id. */
async function insertRow<T extends object>(tx: EntityManager, entity: new () => T, row: T): Promise<number> {
  const result = await tx
    .createQueryBuilder()
    .insert()
    .into(entity)
    .values(row as never)
    .updateEntity(false)
    .execute()
  const raw = result.raw as { insertId?: number } | number | undefined
  const id = result.identifiers[0]?.id ?? (typeof raw === 'object' ? raw?.insertId : raw)
  if (typeof id !== 'number' || id <= 0) throw new Error('insert returned no id')
  return id
}

/** The ticket's building: the one named, else the one the pin was dropped near, else the resident's own. */
async function buildingFor(em: EntityManager, userId: number, location: CreateTicket['location']): Promise<Place> {
  let buildingId = location.buildingId
  if (buildingId === undefined) buildingId = (await residenceOf(em, userId))?.buildingId
  if (buildingId === undefined) throw new AppError(400, 'validation_failed', '请先选择问题所在的楼栋', { field: 'location' })
  const building = await placeById(em, buildingId)
  if (!building || building.level !== 'building') throw new AppError(400, 'validation_failed', '所选楼栋不存在', { field: 'location' })
  return building
}

function freshReceipt(
  app: AppContext,
  ticket: Ticket,
  event: TicketEvent,
  uploads: Upload[],
  building: Place,
  categoryName: string,
  routing: Routing,
  user: AuthUser,
): TicketReceipt {
  const summary = summaryOf(ticket, categoryName, building.name, routing.handler?.name ?? null)
  const parts = {
    events: [event],
    photoRows: uploads.map((u) => ({ eventId: null, uploadId: u.id })),
    uploads: new Map(uploads.map((u) => [u.id, u])),
    whistles: [],
    departments: new Map<number, string>(),
    reporter: null,
    deskName: routing.desk?.name ?? null,
  }
  const detail = {
    ...assembleDetail(app, ticket, summary, parts, user.id, ['reporter']),
    actions: allowedActions('submitted', ['reporter']),
  }
  return {
    ticket: detail,
    receipt: {
      number: ticketNumber(ticket.id, ticket.createdAt),
      submittedAt: ticket.createdAt.toISOString(),
      unitName: routing.handler?.station || routing.desk?.name || '值班台',
      officerName: routing.handler?.name ?? null,
      expectedAcceptBy: ticket.acceptDueAt.toISOString(),
      expectedResolveBy: ticket.resolveDueAt.toISOString(),
    },
    replayed: false,
  }
}

/** A retried submit: the first ticket as it stands now, with the receipt it was given. */
async function replayReceipt(app: AppContext, ticket: Ticket, user: AuthUser): Promise<TicketReceipt> {
  const em = app.ds.manager
  const detail = await toDetail(app, em, ticket, user.id, ['reporter'])
  const station = ticket.handlerUserId ? await officerStation(em, ticket.handlerUserId) : null
  return {
    ticket: detail,
    receipt: {
      number: detail.number,
      submittedAt: detail.createdAt,
      unitName: station || detail.deskName || '值班台',
      officerName: detail.handler?.name ?? null,
      expectedAcceptBy: detail.acceptDueAt,
      expectedResolveBy: detail.resolveDueAt,
    },
    replayed: true,
  }
}
