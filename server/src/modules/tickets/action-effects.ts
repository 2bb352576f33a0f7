import { IsNull, LessThanOrEqual, type EntityManager, type FindOptionsWhere } from 'typeorm'
import type { TicketActor, ticketActionInputSchema } from '@anju/shared'
import { RATING_LABELS, REOPEN_WINDOW_DAYS } from '@anju/shared'
import type { z } from 'zod'
import type { AppContext } from '../../context'
import { isUniqueViolation } from '../../db/errors'
import { AppError, conflict, notFound } from '../../errors/app-error'
import { officerOf } from '../officers'
import type { User } from '../users'
import { raiseDeskAlert } from './alerts'
import { Department, Ticket, TicketWhistle, type TicketCategoryRow } from './entities'
import { announceEscalation, planEscalation } from './escalation'
import { allCategories } from './category-cache'
import { noticeReporter } from './reporter-notice'
import { resolveWarnAt } from './routing'

type ActionInput = z.output<typeof ticketActionInputSchema>

/** What one action does to a ticket, besides its status. */
export interface Effect {
  changes: Partial<Ticket>
  note: string | null
  visibility?: 'public' | 'internal'
  detail?: Record<string, string | number | boolean | null>
  photoIds?: number[]
  /** Alerts and notifications, written in the same transaction once the change has been made. */
  after?: (updated: Ticket) => Promise<void>
}

interface By {
  userId: number
  text: string
  actor: TicketActor
}

const DONE = { stage: 'done' as const, slaLevel: 0 }
/** A resident may urge a ticket once in 24 hours. */
const URGE_INTERVAL_MS = 24 * 3600_000

export async function effectsOf(app: AppContext, em: EntityManager, t: Ticket, input: ActionInput, by: By, now: Date): Promise<Effect> {
  switch (input.action) {
    case 'accept': {
      const category = await categoryOf(em, t.categoryId)
      return {
        // The desk accepting a ticket nobody holds takes it on itself.
        changes: {
          stage: 'active',
          acceptedAt: now,
          handlerUserId: t.handlerUserId ?? by.userId,
          warnAt: resolveWarnAt(category, t.createdAt, t.resolveDueAt),
          warnedAt: null,
          breachedAt: null,
          slaLevel: 0,
        },
        note: input.note || '已受理，将尽快处理',
        after: (u) => noticeReporter(em, u, 'accepted', now, u.reopenCount),
      }
    }
    case 'start':
      return { changes: { stage: 'active' }, note: input.note || '正在处理' }
    case 'resolve': {
      const onTime = (t.acceptedAt ?? now) <= t.acceptDueAt && now <= t.resolveDueAt
      return {
        changes: { ...DONE, resolution: input.result, resolvedAt: now, onTime, acceptedAt: t.acceptedAt ?? now },
        note: input.result,
        photoIds: input.photoIds,
        after: (u) => noticeReporter(em, u, 'resolved', now, u.reopenCount),
      }
    }
    case 'reject':
      return { changes: { ...DONE, rejectReason: input.reason, closedAt: now }, note: input.reason }
    case 'withdraw':
      return { changes: { ...DONE, closedAt: now }, note: input.reason || '居民已撤回' }
    case 'reopen': {
      if (!t.resolvedAt || now.getTime() > t.resolvedAt.getTime() + REOPEN_WINDOW_DAYS * 86400_000) {
        throw conflict(`办结已超过 ${REOPEN_WINDOW_DAYS} 天，不能重新办理；如有新情况请重新上报`)
      }
      const category = await categoryOf(em, t.categoryId)
      const resolveDueAt = new Date(now.getTime() + (t.urgent ? category.urgentResolveMinutes : category.resolveMinutes) * 60_000)
      return {
        changes: {
          stage: 'active',
          reopenCount: t.reopenCount + 1,
          resolvedAt: null,
          onTime: null,
          rating: null,
          ratingComment: null,
          resolveDueAt,
          warnAt: resolveWarnAt(category, now, resolveDueAt),
          warnedAt: null,
          breachedAt: null,
          slaLevel: 0,
        },
        note: input.reason,
        after: () => raiseDeskAlert(em, t.deskId, t.id, 'dissatisfied', now),
      }
    }
    case 'rate':
      return {
        changes: { rating: input.rating, ratingComment: input.comment || null, closedAt: now, stage: 'done' },
        note: `${RATING_LABELS[input.rating]}${input.comment ? `：${input.comment}` : ''}`,
        after: async () => (input.rating === 'dissatisfied' ? raiseDeskAlert(em, t.deskId, t.id, 'dissatisfied', now) : undefined),
      }
    case 'assign':
    case 'transfer': {
      const officer = await activeOfficer(em, input.officerUserId)
      if (officer.id === t.handlerUserId) throw new AppError(400, 'validation_failed', '工单已由该民警办理')
      const why = input.action === 'transfer' ? input.reason : input.note
      return {
        changes: { handlerUserId: officer.id },
        note: `${input.action === 'assign' ? '派发给' : '流转至'}民警 ${officer.name}${why ? `：${why}` : ''}`,
        detail: { fromUserId: t.handlerUserId, toUserId: officer.id },
      }
    }
    case 'escalate': {
      const plan = await planEscalation(em, t)
      return {
        changes: { level: plan.level, deskId: plan.deskId },
        note: `${plan.text}：${input.reason}`,
        detail: { fromLevel: t.level, toLevel: plan.level },
        after: (u) => announceEscalation(em, u, now),
      }
    }
    case 'note':
      return { changes: {}, note: input.text, visibility: input.visibility, photoIds: input.photoIds }
    case 'follow_up':
      return {
        changes: {},
        note: `${input.outcome === 'reached' ? '已回访居民' : '回访未联系上居民'}${input.note ? `：${input.note}` : ''}`,
        detail: { outcome: input.outcome },
      }
    case 'whistle': {
      const department = await em.findOneBy(Department, { id: input.departmentId, active: true })
      if (!department) throw new AppError(400, 'validation_failed', '请选择正确的部门')
      // The (ticket, department) unique index decides, also between two desks calling at the same moment.
      // The ticket's row lock is taken first, as the action's own UPDATE takes it later: two calls then
      // queue there, instead of deadlocking between the index's wait and the foreign key's lock on the ticket.
      await em.update(Ticket, { id: t.id }, { updatedAt: now })
      try {
        await em.insert(TicketWhistle, {
          ticketId: t.id,
          departmentId: department.id,
          calledByUserId: by.userId,
          note: input.note || null,
          calledAt: now,
        })
      } catch (err) {
        if (isUniqueViolation(err)) throw conflict(`已向${department.name}吹哨`)
        throw err
      }
      return {
        changes: {},
        note: `吹哨：请${department.name}报到${input.note ? `（${input.note}）` : ''}`,
        detail: { departmentId: department.id },
      }
    }
    case 'report_in':
      return reportIn(em, t, input.whistleId, input.response, now)
    case 'urge': {
      // One conditional UPDATE takes the day's urge: of urges sent at once, only one finds it free.
      const since = new Date(now.getTime() - URGE_INTERVAL_MS)
      const free: FindOptionsWhere<Ticket>[] = [
        { id: t.id, lastUrgedAt: IsNull() },
        { id: t.id, lastUrgedAt: LessThanOrEqual(since) },
      ]
      const taken = await em.createQueryBuilder().update(Ticket).set({ lastUrgedAt: now }).where(free).execute()
      if (!taken.affected) throw conflict('您今天已经催办过，民警会尽快处理')
      return { changes: {}, note: input.note || '居民催办', after: () => raiseDeskAlert(em, t.deskId, t.id, 'urged', now) }
    }
  }
}

async function categoryOf(em: EntityManager, id: number): Promise<TicketCategoryRow> {
  const category = (await allCategories(em)).find((c) => c.id === id)
  if (!category) throw new Error(`ticket category ${id} is missing`)
  return category
}

async function activeOfficer(em: EntityManager, userId: number): Promise<User> {
  const officer = await officerOf(em, userId)
  if (!officer || officer.user.role !== 'officer') throw notFound('民警')
  return officer.user
}

async function reportIn(em: EntityManager, t: Ticket, whistleId: number, response: string | undefined, now: Date): Promise<Effect> {
  const whistle = await em.findOneBy(TicketWhistle, { id: whistleId, ticketId: t.id })
  if (!whistle) throw notFound('吹哨记录')
  const department = await em.findOneByOrFail(Department, { id: whistle.departmentId })
  // Each step is a conditional UPDATE: of two recorded at once, only one finds it still open.
  if (!response) {
    const reported = await em.update(TicketWhistle, { id: whistle.id, reportedAt: IsNull() }, { reportedAt: now })
    if (!reported.affected) throw conflict(`${department.name}已报到`)
    return { changes: {}, note: `${department.name}已报到`, detail: { whistleId } }
  }
  const responded = await em.update(
    TicketWhistle,
    { id: whistle.id, respondedAt: IsNull() },
    { reportedAt: whistle.reportedAt ?? now, response, respondedAt: now },
  )
  if (!responded.affected) throw conflict(`${department.name}已反馈`)
  return { changes: {}, note: `${department.name}反馈：${response}`, detail: { whistleId } }
}
