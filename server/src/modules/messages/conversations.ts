import type { ConversationDetail, ConversationSummary, InboxPage, Unread, inboxQuerySchema } from '@anju/shared'
import type { z } from 'zod'
import type { AppContext } from '../../context'
import { isUniqueViolation } from '../../db/errors'
import { AppError, forbidden } from '../../errors/app-error'
import type { AuthUser } from '../../middleware/auth'
import { recordAudit } from '../audit'
import { buildingRouting, toOfficerCard } from '../officers'
import { placeById, placeIdsNamedLike, scopeColumn } from '../places'
import { residenceOf, userIdsNamedLike } from '../users'
import { conversationFor, deskScopeOf, type ViewerSide } from './access'
import { Conversation } from './entities'
import { unreadNotices } from './notices'
import { conversationTopics } from './topics'
import { receiptsOf, toSummaries } from './view'

/** 给楼长民警留言: the resident's conversation about their building, made on first use. */
export async function openConversation(app: AppContext, user: AuthUser): Promise<ConversationDetail> {
  const em = app.ds.manager
  const residence = await residenceOf(em, user.id)
  if (!residence) throw new AppError(404, 'not_found', '请先绑定您居住的楼栋')
  const existing = await em.findOneBy(Conversation, { residentUserId: user.id, buildingId: residence.buildingId })
  if (existing) return conversationDetail(app, user, existing.id)
  const building = await placeById(em, residence.buildingId)
  if (!building) throw new AppError(404, 'not_found', '楼栋不存在')
  const routing = await buildingRouting(em, building)
  try {
    const { identifiers } = await em.insert(Conversation, {
      residentUserId: user.id,
      buildingId: building.id,
      officerUserId: routing.lead?.user.id ?? null,
      districtId: building.districtId ?? building.id,
      streetId: building.streetId,
      communityId: building.communityId,
      gridId: building.gridId,
    })
    return conversationDetail(app, user, Number(identifiers[0]!.id))
  } catch (err) {
    // Two taps at once: the unique (resident, building) index lets one insert win; both get it.
    if (!isUniqueViolation(err)) throw err
    const row = await em.findOneByOrFail(Conversation, { residentUserId: user.id, buildingId: building.id })
    return conversationDetail(app, user, row.id)
  }
}

export async function conversationDetail(app: AppContext, user: AuthUser, id: number): Promise<ConversationDetail> {
  const em = app.ds.manager
  const { conversation, side } = await conversationFor(em, user, id)
  const building = await placeById(em, conversation.buildingId)
  const routing = building ? await buildingRouting(em, building) : { lead: null, desk: null }
  const [summary] = await toSummaries(em, [conversation], side)
  return {
    ...summary!,
    receipts: receiptsOf(conversation),
    lastSeq: conversation.lastSeq,
    viewerSide: side,
    officerCard: routing.lead ? toOfficerCard(routing.lead.user, routing.lead.profile, app.now()) : null,
    dutyDesk: routing.desk,
  }
}

type InboxQuery = z.output<typeof inboxQuerySchema>
const UNREAD_COLUMN: Record<ViewerSide, string> = { resident: 'c.residentUnread', officer: 'c.officerUnread', desk: 'c.deskUnread' }

/** Where a viewer's conversations are: the resident's own, the officer's buildings, the desk's scope. */
async function scopeOf(app: AppContext, user: AuthUser): Promise<{ side: ViewerSide; where: string; params: Record<string, unknown> }> {
  if (user.role === 'resident') return { side: 'resident', where: 'c.residentUserId = :me', params: { me: user.id } }
  if (user.role === 'officer') return { side: 'officer', where: 'c.officerUserId = :me', params: { me: user.id } }
  const scope = await deskScopeOf(app.ds.manager, user)
  if (!scope) throw forbidden('您的账号尚未设置管辖范围')
  if (scope === 'all') return { side: 'desk', where: '1 = 1', params: {} }
  const column = scopeColumn(scope.level)
  if (!column) throw forbidden('您的账号尚未设置管辖范围')
  return { side: 'desk', where: `c.${column} = :scopeId`, params: { scopeId: scope.id } }
}

/** The inbox, latest activity first, with keyset paging on (lastMessageAt, id). */
export async function inbox(app: AppContext, user: AuthUser, query: InboxQuery): Promise<InboxPage> {
  const em = app.ds.manager
  const { side, where, params } = await scopeOf(app, user)
  const qb = em.createQueryBuilder(Conversation, 'c').where(where, params).andWhere('c.lastMessageAt IS NOT NULL')
  if (query.filter === 'unread') qb.andWhere(`${UNREAD_COLUMN[side]} > 0`)
  if (query.filter === 'open') qb.andWhere('c.handledAt IS NULL')
  if (query.filter === 'desk') qb.andWhere('c.deskCoverSince IS NOT NULL')
  if (query.q) {
    // The resident's name or the building's: users and places name the matching ids within this one statement.
    // '!' escapes the wildcards the same way in MySQL and SQLite (backslash is MySQL's default only).
    qb.andWhere(`(c.residentUserId IN ${userIdsNamedLike(qb, 'q')} OR c.buildingId IN ${placeIdsNamedLike(qb, 'q')})`, {
      q: `%${query.q.replace(/[%_!]/g, (ch) => `!${ch}`)}%`,
    })
  }
  const cursor = parseCursor(query.cursor)
  if (cursor) qb.andWhere('(c.lastMessageAt < :at OR (c.lastMessageAt = :at AND c.id < :cid))', { at: cursor.at, cid: cursor.id })
  const rows = await qb
    .orderBy('c.lastMessageAt', 'DESC')
    .addOrderBy('c.id', 'DESC')
    .take(query.limit + 1)
    .getMany()
  const page = rows.slice(0, query.limit)
  const last = page[page.length - 1]
  return {
    items: await toSummaries(em, page, side),
    nextCursor: rows.length > query.limit && last?.lastMessageAt ? `${last.lastMessageAt.getTime()}_${last.id}` : null,
  }
}

function parseCursor(raw: string | undefined): { at: Date; id: number } | null {
  const m = raw ? /^(\d{10,15})_(\d{1,10})$/.exec(raw) : null
  if (raw && !m) throw new AppError(400, 'validation_failed', '翻页参数无效', { field: 'cursor' })
  return m ? { at: new Date(Number(m[1])), id: Number(m[2]) } : null
}

/** The tab bar's badge: unread messages (and, for residents, unread notices). */
export async function unreadCounts(app: AppContext, user: AuthUser): Promise<Unread> {
  const em = app.ds.manager
  const { side, where, params } = await scopeOf(app, user)
  const qb = em.createQueryBuilder(Conversation, 'c').select(`COALESCE(SUM(${UNREAD_COLUMN[side]}), 0)`, 'n').where(where, params)
  if (side === 'desk') qb.andWhere('c.deskCoverSince IS NOT NULL')
  const messages = Number((await qb.getRawOne<{ n: number | string }>())?.n ?? 0)
  const notices = side === 'resident' ? await unreadNotices(app, user) : 0
  return { messages, notices, total: messages + notices }
}

/** 标记已处理 (or reopen it). The desk's cover ends when the desk marks it handled. */
export async function setHandled(app: AppContext, user: AuthUser, id: number, handled: boolean): Promise<ConversationSummary> {
  const { side } = await conversationFor(app.ds.manager, user, id)
  if (side === 'resident') throw forbidden()
  const changes = handled
    ? {
        handledAt: app.now(),
        awaitingSince: null,
        ...(side === 'desk' ? { deskCoverSince: null, deskCoverReason: null, deskId: null, deskUnread: 0 } : {}),
      }
    : { handledAt: null }
  await app.ds.transaction(async (em) => {
    await em.update(Conversation, { id }, changes)
    await recordAudit(em, {
      actorUserId: user.id,
      action: handled ? 'conversation.handled' : 'conversation.reopened',
      targetType: 'conversation',
      targetId: id,
      detail: { side },
    })
  })
  const fresh = await app.ds.manager.findOneByOrFail(Conversation, { id })
  await app.realtime.publish(conversationTopics(fresh), { type: 'conversation', conversationId: id })
  return (await toSummaries(app.ds.manager, [fresh], side))[0]!
}
