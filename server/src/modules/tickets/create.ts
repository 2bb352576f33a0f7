import type { EntityManager } from 'typeorm'
import type { TicketReceipt } from '@anju/shared'
import { createTicketSchema, emergencySignals } from '@anju/shared'
import type { z } from 'zod'
import type { AppContext } from '../../context'
import { isUniqueViolation } from '../../db/errors'
import { AppError } from '../../errors/app-error'
import { encrypt } from '../../lib/crypto'
import type { AuthUser } from '../../middleware/auth'
import { OfficerProfile } from '../officers/entities'
import { Place } from '../places/entities'
import { checkText } from '../uploads/content-check'
import { claimUploads } from '../uploads/service'
import { Residence, User } from '../users/entities'
import { raiseDeskAlert } from './alerts'
import { Ticket, TicketCategoryRow, TicketEvent, TicketPhoto } from './entities'
import { ticketNumber } from './numbers'
import { deadlinesFrom, routeNewTicket } from './routing'
import { toDetail } from './view'

type CreateTicket = z.output<typeof createTicketSchema>

/**
 * 隐患上报 / 矛盾纠纷: validates, routes and stores a resident's report with its photos in one
 * transaction. The (reporter, clientKey) unique index makes a retried submit — even two at once —
 * come back with the first ticket instead of a second one.
 */
export async function submitTicket(app: AppContext, user: AuthUser, input: CreateTicket): Promise<TicketReceipt> {
  const em = app.ds.manager
  const existing = await em.findOneBy(Ticket, { reporterUserId: user.id, clientKey: input.clientKey })
  if (existing) return receiptFor(app, existing, user, true)

  const [category, building, reporter] = await Promise.all([
    em.findOneBy(TicketCategoryRow, { id: input.categoryId, kind: input.kind, active: true }),
    buildingFor(em, user.id, input.location),
    em.findOneByOrFail(User, { id: user.id }),
  ])
  if (!category) throw new AppError(400, 'validation_failed', '请选择正确的问题类别', { field: 'categoryId' })
  const signals = emergencySignals(input.description)
  if (signals.length > 0 && !input.emergencyAcknowledged) {
    throw new AppError(409, 'emergency_confirm_required', `您描述的情况可能正在发生危险（${signals.join('、')}），请立即拨打110`, { signals })
  }
  const review = await checkText(app, { openid: reporter.openid, content: input.description, scene: 1 })
  // Whole seconds: MySQL's DATETIME keeps no fractions, and the receipt's times should add up.
  const now = new Date(Math.floor(app.now().getTime() / 1000) * 1000)
  const urgent = signals.length > 0

  try {
    const ticket = await app.ds.transaction(async (tx) => {
      const routing = await routeNewTicket(tx, building, category, now)
      const pin = input.location.type === 'pin' ? input.location : null
      const row = tx.create(Ticket, {
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
        subscribed: input.subscribed,
        contentHeld: review === 'held',
        createdAt: now,
        updatedAt: now,
      })
      await tx.insert(Ticket, row)
      const uploads = await claimUploads(tx, user.id, input.photoIds, 'ticket')
      if (uploads.length > 0) await tx.insert(TicketPhoto, uploads.map((u, position) => ({ ticketId: row.id, eventId: null, uploadId: u.id, position })))
      const whom = routing.handler ? `楼长民警 ${routing.handler.name}` : routing.desk?.name ?? '值班台'
      await tx.insert(TicketEvent, {
        ticketId: row.id,
        actorUserId: user.id,
        actorText: input.anonymous ? '匿名居民' : '居民',
        action: 'submit',
        fromStatus: null,
        toStatus: 'submitted',
        note: `已提交，由${whom}受理${urgent ? '（紧急）' : ''}`,
        visibility: 'public',
        detail: null,
        createdAt: now,
      })
      if (urgent) await raiseDeskAlert(tx, routing.desk?.id ?? null, row.id, 'urgent', now)
      if (category.alertDesk) await raiseDeskAlert(tx, routing.desk?.id ?? null, row.id, 'category', now)
      return row
    })
    app.log.info('ticket submitted', { ticketId: ticket.id, urgent, handled: ticket.handlerUserId ? 'officer' : 'desk' })
    // Read back, so the receipt shows the row as stored (MariaDB hands back its own defaults as 0/1).
    return receiptFor(app, await em.findOneByOrFail(Ticket, { id: ticket.id }), user, false)
  } catch (err) {
    if (!isUniqueViolation(err)) throw err
    const first = await em.findOneBy(Ticket, { reporterUserId: user.id, clientKey: input.clientKey })
    if (!first) throw err
    return receiptFor(app, first, user, true)
  }
}

/** The ticket's building: the one named, else the one the pin was dropped near, else the resident's own. */
async function buildingFor(em: EntityManager, userId: number, location: CreateTicket['location']): Promise<Place> {
  let buildingId = location.buildingId
  if (buildingId === undefined) buildingId = (await em.findOneBy(Residence, { userId }))?.buildingId
  if (buildingId === undefined) throw new AppError(400, 'validation_failed', '请先选择问题所在的楼栋', { field: 'location' })
  const building = await em.findOneBy(Place, { id: buildingId, level: 'building' })
  if (!building) throw new AppError(400, 'validation_failed', '所选楼栋不存在', { field: 'location' })
  return building
}

async function receiptFor(app: AppContext, ticket: Ticket, user: AuthUser, replayed: boolean): Promise<TicketReceipt> {
  const em = app.ds.manager
  const detail = await toDetail(app, em, ticket, user.id, ['reporter'])
  const handler = ticket.handlerUserId ? await em.findOneBy(User, { id: ticket.handlerUserId }) : null
  return {
    ticket: detail,
    receipt: {
      number: ticketNumber(ticket.id, ticket.createdAt),
      submittedAt: ticket.createdAt.toISOString(),
      unitName: detail.deskName && !handler ? detail.deskName : await stationOf(em, ticket.handlerUserId, detail.deskName),
      officerName: handler?.name ?? null,
      expectedAcceptBy: ticket.acceptDueAt.toISOString(),
      expectedResolveBy: ticket.resolveDueAt.toISOString(),
    },
    replayed,
  }
}

async function stationOf(em: EntityManager, officerId: number | null, fallback: string | null): Promise<string> {
  if (!officerId) return fallback ?? '值班台'
  const profile = await em.findOneBy(OfficerProfile, { userId: officerId })
  return profile?.station ?? fallback ?? '值班台'
}
