import { In, IsNull, LessThanOrEqual, type EntityManager } from 'typeorm'
import { AUTO_CLOSE_AFTER_DAYS } from '@anju/shared'
import type { AppContext } from '../../context'
import { claimStep } from '../../db/claim'
import { raiseDeskAlert } from './alerts'
import { Ticket, TicketEvent } from './entities'
import { announceEscalation, planEscalation } from './escalation'
import { nextLevel } from './routing'

const BATCH = 200

export interface SweepResult {
  warned: number
  escalated: number
  autoClosed: number
}

/**
 * The SLA sweep (scheduled by jobs/index.ts): pre-warns tickets nearing their deadline, escalates and alerts the duty desk when
 * one passes, and closes tickets left unrated 7 days after resolving. Several server instances run
 * it at once: each step claims a ticket with a conditional UPDATE (claimStep: …WHERE warnedAt IS NULL
 * AND warnAt <= now), and only the instance whose UPDATE changed the row writes events and alerts.
 */
export async function runSlaSweep(app: AppContext): Promise<SweepResult> {
  const now = app.now()
  const result: SweepResult = { warned: 0, escalated: 0, autoClosed: 0 }
  const open = In(['pending', 'active'])
  const em = app.ds.manager

  const toWarn = await em.find(Ticket, {
    where: { stage: open, warnedAt: IsNull(), breachedAt: IsNull(), warnAt: LessThanOrEqual(now) },
    take: BATCH,
  })
  for (const t of toWarn) if (await claimAndWarn(app, t, now)) result.warned++

  const overdue = await em.find(Ticket, {
    where: [
      { stage: 'pending', breachedAt: IsNull(), acceptDueAt: LessThanOrEqual(now) },
      { stage: 'active', breachedAt: IsNull(), resolveDueAt: LessThanOrEqual(now) },
    ],
    take: BATCH,
  })
  for (const t of overdue) if (await claimAndEscalate(app, t, now)) result.escalated++

  const cutoff = new Date(now.getTime() - AUTO_CLOSE_AFTER_DAYS * 86400_000)
  const unrated = await em.find(Ticket, { where: { status: 'resolved', resolvedAt: LessThanOrEqual(cutoff) }, take: BATCH })
  for (const t of unrated) if (await claimAndClose(app, t, now, cutoff)) result.autoClosed++
  return result
}

async function systemEvent(
  em: EntityManager,
  t: Ticket,
  action: string,
  note: string,
  now: Date,
  toStatus = t.status,
  visibility: 'public' | 'internal' = 'internal',
) {
  await em.insert(TicketEvent, {
    ticketId: t.id,
    actorUserId: null,
    actorText: '系统',
    action,
    fromStatus: t.status,
    toStatus,
    note,
    visibility,
    detail: null,
    createdAt: now,
  })
}

async function claimAndWarn(app: AppContext, t: Ticket, now: Date): Promise<boolean> {
  return app.ds.transaction(async (em) => {
    if (
      !(await claimStep(
        em,
        Ticket,
        { id: t.id, warnedAt: IsNull(), breachedAt: IsNull(), stage: t.stage, warnAt: LessThanOrEqual(now) },
        { warnedAt: now, slaLevel: 1 },
      ))
    )
      return false
    const due = t.stage === 'pending' ? t.acceptDueAt : t.resolveDueAt
    const minutes = Math.max(1, Math.round((due.getTime() - now.getTime()) / 60_000))
    await systemEvent(em, t, 'note', `即将超时：距${t.stage === 'pending' ? '受理' : '办结'}时限还有 ${minutes} 分钟`, now)
    await raiseDeskAlert(em, t.deskId, t.id, 'sla_warning', now)
    return true
  })
}

async function claimAndEscalate(app: AppContext, t: Ticket, now: Date): Promise<boolean> {
  return app.ds.transaction(async (em) => {
    const due = t.stage === 'pending' ? { acceptDueAt: LessThanOrEqual(now) } : { resolveDueAt: LessThanOrEqual(now) }
    if (!(await claimStep(em, Ticket, { id: t.id, breachedAt: IsNull(), stage: t.stage, ...due }, { breachedAt: now, slaLevel: 2 })))
      return false
    const what = t.stage === 'pending' ? '受理' : '办结'
    await raiseDeskAlert(em, t.deskId, t.id, 'sla_breach', now)
    if (!nextLevel(t.level)) {
      await systemEvent(em, t, 'note', `已超过${what}时限，已在区级督办`, now)
      return true
    }
    const plan = await planEscalation(em, t)
    await em.update(Ticket, { id: t.id }, { level: plan.level, deskId: plan.deskId })
    await em.insert(TicketEvent, {
      ticketId: t.id,
      actorUserId: null,
      actorText: '系统',
      action: 'escalate',
      fromStatus: t.status,
      toStatus: t.status,
      note: `超过${what}时限，自动${plan.text}`,
      visibility: 'public',
      detail: { fromLevel: t.level, toLevel: plan.level },
      createdAt: now,
    })
    await announceEscalation(em, { ...t, level: plan.level, deskId: plan.deskId }, now)
    return true
  })
}

async function claimAndClose(app: AppContext, t: Ticket, now: Date, cutoff: Date): Promise<boolean> {
  return app.ds.transaction(async (em) => {
    // The cutoff is part of the claim: a ticket reopened and resolved again since it was read is not 7 days old.
    if (
      !(await claimStep(
        em,
        Ticket,
        { id: t.id, status: 'resolved', resolvedAt: LessThanOrEqual(cutoff) },
        { status: 'closed', stage: 'done', closedAt: now },
      ))
    )
      return false
    await systemEvent(em, t, 'auto_close', `办结 ${AUTO_CLOSE_AFTER_DAYS} 天未评价，自动完结`, now, 'closed', 'public')
    return true
  })
}
