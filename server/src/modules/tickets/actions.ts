import type { EntityManager } from 'typeorm'
import type { TicketActionInput, TicketActor, TicketDetail, TicketStatus, ticketActionInputSchema } from '@anju/shared'
import { nextStatus, TICKET_ACTION_LABELS, TICKET_RULES, TICKET_STATUS_LABELS } from '@anju/shared'
import type { z } from 'zod'
import type { AppContext } from '../../context'
import { conflict, forbidden, notFound } from '../../errors/app-error'
import type { AuthUser } from '../../middleware/auth'
import { recordAudit } from '../audit'
import { leadsBuilding } from '../officers'
import { claimUploads } from '../uploads'
import { getUser } from '../users'
import { requireActors } from './access'
import { effectsOf, type Effect } from './action-effects'
import { Ticket, TicketEvent } from './entities'
import { insertTicketPhotos } from './photos'
import { toDetail } from './view'

type ActionInput = z.output<typeof ticketActionInputSchema>
export type { TicketActionInput }

/**
 * Every change to a ticket after it is submitted goes through here: the state machine decides
 * whether this caller may take this action now (409 when the status forbids it, 403 when their
 * relation to the ticket does), then the change, its timeline event, its audit entry, alerts and
 * notifications are written in one transaction. The UPDATE is conditional on the status read,
 * so two people acting at once cannot both succeed.
 *
 * The event's (ticket, clientKey) unique index makes a retry of the same tap — even two copies at
 * once — write nothing again: whichever copy loses (its event insert refused, or its conditional
 * UPDATE beaten by its own twin) finds the winner's event and answers with the ticket as it is.
 */
export async function takeTicketAction(app: AppContext, user: AuthUser, ticketId: number, input: ActionInput): Promise<TicketDetail> {
  const em = app.ds.manager
  const ticket = await em.findOneBy(Ticket, { id: ticketId })
  if (!ticket) throw notFound('工单')
  const actors = await requireActors(em, user, ticket)
  // Before the state machine: a replayed accept must not be told the ticket is already accepted.
  if (await alreadyTaken(em, user, ticket.id, input.clientKey)) return currentDetail(app, user, ticket.id)
  try {
    await writeAction(app, user, ticket, actors, input)
  } catch (err) {
    if (await alreadyTaken(em, user, ticket.id, input.clientKey)) return currentDetail(app, user, ticket.id)
    throw err
  }
  return currentDetail(app, user, ticket.id)
}

/** Whether this tap was already written; a key someone else used on this ticket is refused, never answered with their result. */
async function alreadyTaken(em: EntityManager, user: AuthUser, ticketId: number, clientKey: string): Promise<boolean> {
  const event = await em.findOne(TicketEvent, { select: { id: true, actorUserId: true }, where: { ticketId, clientKey } })
  if (!event) return false
  if (event.actorUserId !== user.id) throw conflict('操作编号已被使用，请刷新后重试')
  return true
}

async function currentDetail(app: AppContext, user: AuthUser, ticketId: number): Promise<TicketDetail> {
  const em = app.ds.manager
  const fresh = await em.findOneByOrFail(Ticket, { id: ticketId })
  return toDetail(app, em, fresh, user.id, await actorsAfterAction(em, user, fresh))
}

async function writeAction(app: AppContext, user: AuthUser, ticket: Ticket, actors: TicketActor[], input: ActionInput): Promise<void> {
  const actor = actorFor(ticket.status, input.action, actors)
  const to = nextStatus(ticket.status, input.action, actor)!
  const now = app.now()
  await app.ds.transaction(async (tx) => {
    const by = { userId: user.id, text: await actorText(tx, user, ticket, actor), actor }
    const effect: Effect = await effectsOf(app, tx, ticket, input, by, now)
    const changes = { ...effect.changes, status: to, updatedAt: now }
    const result = await tx.update(Ticket, { id: ticket.id, status: ticket.status }, changes)
    if (!result.affected) throw conflict('工单状态已变化，请刷新后重试')
    const event = await tx.insert(TicketEvent, {
      ticketId: ticket.id,
      actorUserId: user.id,
      actorText: by.text,
      action: input.action,
      fromStatus: ticket.status,
      toStatus: to,
      note: effect.note,
      visibility: effect.visibility ?? 'public',
      detail: effect.detail ?? null,
      clientKey: input.clientKey,
      createdAt: now,
    })
    const eventId = Number(event.identifiers[0]!.id)
    if (effect.photoIds && effect.photoIds.length > 0) await attachPhotos(tx, user.id, ticket.id, eventId, effect.photoIds)
    if (actor !== 'reporter') {
      await recordAudit(tx, {
        actorUserId: user.id,
        action: `ticket.${input.action}`,
        targetType: 'ticket',
        targetId: ticket.id,
        detail: { from: ticket.status, to },
      })
    }
    await effect.after?.({ ...ticket, ...changes })
  })
}

/** The caller may still see the ticket after handing it on (a transfer): as its lead officer, desk, or at least as who acted. */
async function actorsAfterAction(em: EntityManager, user: AuthUser, ticket: Ticket): Promise<TicketActor[]> {
  try {
    return await requireActors(em, user, ticket)
  } catch {
    return ['officer']
  }
}

function actorFor(status: TicketStatus, action: ActionInput['action'], actors: TicketActor[]): TicketActor {
  const actor = actors.find((a) => nextStatus(status, action, a) !== null)
  if (actor) return actor
  const rule = TICKET_RULES[action]
  if (!rule.from.includes(status)) {
    throw conflict(`工单${TICKET_STATUS_LABELS[status]}，不能${TICKET_ACTION_LABELS[action]}`, { status, action })
  }
  throw forbidden(`您不能对这张工单${TICKET_ACTION_LABELS[action]}`)
}

async function actorText(em: EntityManager, user: AuthUser, ticket: Ticket, actor: TicketActor): Promise<string> {
  if (actor === 'reporter') return ticket.anonymous ? '匿名居民' : '居民'
  const person = await getUser(em, user.id)
  if (user.role === 'dispatcher') return `值班民警 ${person.name}`
  if (user.role === 'admin') return `管理员 ${person.name}`
  const leads = await leadsBuilding(em, ticket.placeId, user.id)
  return `${leads ? '楼长民警' : '民警'} ${person.name}`
}

async function attachPhotos(em: EntityManager, userId: number, ticketId: number, eventId: number, ids: number[]): Promise<void> {
  const uploads = await claimUploads(em, userId, ids, 'ticket')
  await insertTicketPhotos(
    em,
    uploads.map((u, position) => ({ ticketId, eventId, uploadId: u.id, position })),
  )
}
