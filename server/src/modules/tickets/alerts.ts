import type { EntityManager } from 'typeorm'
import { In, IsNull } from 'typeorm'
import type { DeskAlert as DeskAlertView } from '@anju/shared'
import type { AppContext } from '../../context'
import { notFound } from '../../errors/app-error'
import { recordAudit } from '../audit'
import { deskIdsWithin, staffReach } from '../officers'
import { DeskAlert, Ticket } from './entities'
import { toSummaries } from './view'

/**
 * Raises (or raises again) an alert for a duty desk. The unique key makes two server instances
 * raising the same alert harmless; raising an acknowledged one again puts it back on the list.
 */
export async function raiseDeskAlert(
  em: EntityManager,
  deskId: number | null,
  ticketId: number,
  kind: DeskAlert['kind'],
  now: Date,
): Promise<void> {
  if (!deskId) return
  const updated = await em.update(
    DeskAlert,
    { deskId, ticketId, kind },
    { acknowledgedAt: null, acknowledgedByUserId: null, createdAt: now },
  )
  if (updated.affected) return
  await em.createQueryBuilder().insert().into(DeskAlert).values({ deskId, ticketId, kind, createdAt: now }).orIgnore().execute()
}

/** The desks whose alerts a dispatcher sees: the desk of their scope place and every desk beneath it. */
async function desksInScope(app: AppContext, userId: number): Promise<number[]> {
  const em = app.ds.manager
  // No scope place (unset or removed) means no desks, not all of them; only an admin without one sees all.
  return deskIdsWithin(em, await staffReach(em, userId))
}

export async function listDeskAlerts(app: AppContext, userId: number): Promise<{ items: DeskAlertView[]; unacknowledged: number }> {
  const desks = await desksInScope(app, userId)
  if (desks.length === 0) return { items: [], unacknowledged: 0 }
  const em = app.ds.manager
  // Alerts about finished tickets need nothing more, except a resident's 不满意 (the desk follows up).
  const open = () =>
    em
      .createQueryBuilder(DeskAlert, 'a')
      .innerJoin(Ticket, 't', 't.id = a.ticketId')
      .where('a.deskId IN (:...desks)', { desks })
      .andWhere('a.acknowledgedAt IS NULL')
      .andWhere("(t.stage <> 'done' OR a.kind = 'dissatisfied')")
  const [alerts, unacknowledged] = await Promise.all([open().orderBy('a.id', 'DESC').take(50).getMany(), open().getCount()])
  const tickets = await em.findBy(Ticket, { id: In([...new Set(alerts.map((a) => a.ticketId))]) })
  const summaries = new Map((await toSummaries(em, tickets)).map((s) => [s.id, s]))
  const items = alerts.flatMap((a) => {
    const ticket = summaries.get(a.ticketId)
    return ticket ? [{ id: a.id, kind: a.kind, ticket, createdAt: a.createdAt.toISOString() }] : []
  })
  return { items, unacknowledged }
}

export async function acknowledgeDeskAlert(app: AppContext, userId: number, alertId: number): Promise<void> {
  const desks = await desksInScope(app, userId)
  const alert = await app.ds.manager.findOneBy(DeskAlert, { id: alertId })
  if (!alert || !desks.includes(alert.deskId)) throw notFound('提醒')
  await app.ds.transaction(async (em) => {
    const done = await em.update(
      DeskAlert,
      { id: alertId, acknowledgedAt: IsNull() },
      { acknowledgedAt: app.now(), acknowledgedByUserId: userId },
    )
    if (done.affected)
      await recordAudit(em, {
        actorUserId: userId,
        action: 'desk_alert.ack',
        targetType: 'ticket',
        targetId: alert.ticketId,
        detail: { alertId, kind: alert.kind },
      })
  })
}
