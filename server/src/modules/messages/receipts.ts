import { In, LessThan, MoreThan, type EntityManager } from 'typeorm'
import type { MessagesPage, Receipts, messagesQuerySchema } from '@anju/shared'
import type { z } from 'zod'
import type { AppContext } from '../../context'
import type { AuthUser } from '../../middleware/auth'
import { conversationFor, type ViewerSide } from './access'
import { Conversation, Message } from './entities'
import { conversationTopics } from './topics'
import { receiptsOf, toMessages } from './view'

const OTHER_SIDES: Record<ViewerSide, Array<Message['side']>> = { resident: ['officer', 'desk'], officer: ['resident'], desk: ['resident'] }
const UNREAD_COLUMN = { resident: 'residentUnread', officer: 'officerUnread', desk: 'deskUnread' } as const
const cursorColumns = (side: ViewerSide) =>
  side === 'resident'
    ? ({ delivered: 'residentDeliveredSeq', read: 'residentReadSeq' } as const)
    : ({ delivered: 'staffDeliveredSeq', read: 'staffReadSeq' } as const)

/**
 * A page of messages, oldest first: the latest ones, the ones after `afterSeq` (the gap after a
 * reconnect, or a poll) or before `beforeSeq` (scrolling up). Fetching them is receiving them.
 */
export async function listMessages(
  app: AppContext,
  user: AuthUser,
  id: number,
  query: z.output<typeof messagesQuerySchema>,
): Promise<MessagesPage> {
  const em = app.ds.manager
  const { conversation, side } = await conversationFor(em, user, id)
  const ascending = query.afterSeq !== undefined
  const seq =
    query.afterSeq !== undefined ? MoreThan(query.afterSeq) : query.beforeSeq !== undefined ? LessThan(query.beforeSeq) : undefined
  const rows = await em.find(Message, {
    where: { conversationId: id, ...(seq ? { seq } : {}) },
    order: { seq: ascending ? 'ASC' : 'DESC' },
    take: query.limit,
  })
  if (!ascending) rows.reverse()
  const last = rows[rows.length - 1]
  const receipts = last ? await advance(app, conversation, side, 'delivered', last.seq) : receiptsOf(conversation)
  return { items: await toMessages(app, em, rows), receipts, lastSeq: conversation.lastSeq, hasOlder: (rows[0]?.seq ?? 1) > 1 }
}

/** The socket's ack: the app holds messages up to `seq` (已送达 for the sender). */
export async function acknowledge(app: AppContext, user: AuthUser, id: number, seq: number): Promise<void> {
  const { conversation, side } = await conversationFor(app.ds.manager, user, id)
  await advance(app, conversation, side, 'delivered', seq)
}

/** 已读: the viewer has seen everything up to `seq`; their unread count is what remains after it. */
export async function markRead(app: AppContext, user: AuthUser, id: number, seq: number): Promise<Receipts> {
  const { conversation, side } = await conversationFor(app.ds.manager, user, id)
  return advance(app, conversation, side, 'read', seq)
}

/**
 * Moves a side's cursor forward (never back; never past the last message) and tells everyone in
 * the conversation. Reading also delivers. The unread count is recounted under the row's lock so
 * that a message arriving meanwhile is not lost from it.
 */
async function advance(app: AppContext, c: Conversation, side: ViewerSide, kind: 'delivered' | 'read', seq: number): Promise<Receipts> {
  const cols = cursorColumns(side)
  const upTo = Math.min(seq, c.lastSeq)
  const behind = c[cols.delivered] < upTo || (kind === 'read' && (c[cols.read] < upTo || c[UNREAD_COLUMN[side]] > 0))
  if (!behind) return receiptsOf(c)
  const fresh = await app.ds.transaction(async (em) => {
    const set: Record<string, unknown> = {
      [cols.delivered]: () => `CASE WHEN ${cols.delivered} < ${upTo} THEN ${upTo} ELSE ${cols.delivered} END`,
    }
    if (kind === 'read') set[cols.read] = () => `CASE WHEN ${cols.read} < ${upTo} THEN ${upTo} ELSE ${cols.read} END`
    await em.createQueryBuilder().update(Conversation).set(set).where('id = :id', { id: c.id }).execute()
    if (kind === 'read') await em.update(Conversation, { id: c.id }, { [UNREAD_COLUMN[side]]: await unreadAfter(em, c.id, side, upTo) })
    return em.findOneByOrFail(Conversation, { id: c.id })
  })
  const receipts = receiptsOf(fresh)
  await app.realtime.publish(conversationTopics(fresh), { type: 'receipts', conversationId: c.id, receipts })
  return receipts
}

const unreadAfter = (em: EntityManager, conversationId: number, side: ViewerSide, seq: number) =>
  em.countBy(Message, { conversationId, seq: MoreThan(seq), side: In(OTHER_SIDES[side]) })
