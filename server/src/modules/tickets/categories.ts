import type { CreateTicketCategoryInput, TicketCategory, TicketCategoryInput } from '@anju/shared'
import type { AppContext } from '../../context'
import { isUniqueViolation } from '../../db/errors'
import { AppError, forbidden, notFound } from '../../errors/app-error'
import type { AuthUser } from '../../middleware/auth'
import { recordAudit } from '../audit'
import { staffReach } from '../officers'
import { TicketCategoryRow } from './entities'
import { referenceDataChanged } from '../../db/reference-data'

export function toCategory(row: TicketCategoryRow): TicketCategory {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    sortOrder: row.sortOrder,
    active: row.active,
    routeTo: row.routeTo,
    alertDesk: row.alertDesk,
    acceptMinutes: row.acceptMinutes,
    resolveMinutes: row.resolveMinutes,
    urgentAcceptMinutes: row.urgentAcceptMinutes,
    urgentResolveMinutes: row.urgentResolveMinutes,
    warnAtPercent: row.warnAtPercent,
  }
}

export async function listCategories(
  app: AppContext,
  user: AuthUser,
  query: { kind?: 'hazard' | 'dispute'; all?: boolean },
): Promise<{ items: TicketCategory[] }> {
  const includeInactive = query.all === true && user.role !== 'resident'
  const rows = await app.ds.manager.find(TicketCategoryRow, {
    where: { ...(query.kind ? { kind: query.kind } : {}), ...(includeInactive ? {} : { active: true }) },
    order: { kind: 'ASC', sortOrder: 'ASC', id: 'ASC' },
  })
  return { items: rows.map(toCategory) }
}

/** Categories, routing rules and SLAs are city-wide: only a district-level duty desk or an admin edits them. */
async function requireCategoryEditor(app: AppContext, user: AuthUser): Promise<void> {
  if (user.role === 'admin') return
  const reach = user.role === 'dispatcher' ? await staffReach(app.ds.manager, user.id) : null
  if (reach === null || reach === 'all' || reach.level !== 'district') throw forbidden('只有区级值班台可以修改分类和办理时限')
}

function checkSla(input: TicketCategoryInput): void {
  if (input.resolveMinutes < input.acceptMinutes || input.urgentResolveMinutes < input.urgentAcceptMinutes) {
    throw new AppError(400, 'validation_failed', '办结时限不能短于受理时限')
  }
  if (input.urgentAcceptMinutes > input.acceptMinutes || input.urgentResolveMinutes > input.resolveMinutes) {
    throw new AppError(400, 'validation_failed', '紧急工单的时限不能长于普通工单')
  }
}

/**
 * 新增分类. A retry with the same clientKey — even two at once — answers with the category the
 * first made; the unique indexes decide every race (same key: that row; same name: 409).
 */
export async function createCategory(app: AppContext, user: AuthUser, input: CreateTicketCategoryInput): Promise<TicketCategory> {
  await requireCategoryEditor(app, user)
  const made = () => app.ds.manager.findOneBy(TicketCategoryRow, { clientKey: input.clientKey })
  const prior = await made()
  if (prior) return toCategory(prior)
  checkSla(input)
  try {
    return await app.ds.transaction(async (em) => {
      if (await em.existsBy(TicketCategoryRow, { kind: input.kind, name: input.name })) throw new AppError(409, 'conflict', '已有同名分类')
      const row = await em.save(em.create(TicketCategoryRow, input))
      const { clientKey: _key, ...detail } = input
      await recordAudit(em, { actorUserId: user.id, action: 'category.create', targetType: 'ticket_category', targetId: row.id, detail })
      return toCategory(row)
    })
  } catch (err) {
    const raced = await made()
    if (raced) return toCategory(raced)
    if (isUniqueViolation(err)) throw new AppError(409, 'conflict', '已有同名分类')
    throw err
  } finally {
    referenceDataChanged(app.ds)
  }
}

export async function updateCategory(app: AppContext, user: AuthUser, id: number, input: TicketCategoryInput): Promise<TicketCategory> {
  await requireCategoryEditor(app, user)
  checkSla(input)
  return app.ds
    .transaction(async (em) => {
      const row = await em.findOneBy(TicketCategoryRow, { id })
      if (!row) throw notFound('分类')
      const clash = await em.findOneBy(TicketCategoryRow, { kind: input.kind, name: input.name })
      if (clash && clash.id !== id) throw new AppError(409, 'conflict', '已有同名分类')
      await em.update(TicketCategoryRow, { id }, input)
      await recordAudit(em, {
        actorUserId: user.id,
        action: 'category.update',
        targetType: 'ticket_category',
        targetId: id,
        detail: { ...input },
      })
      return toCategory({ ...row, ...input })
    })
    .finally(() => referenceDataChanged(app.ds))
}
