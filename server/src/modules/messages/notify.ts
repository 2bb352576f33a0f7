import { IsNull, LessThanOrEqual, type EntityManager } from 'typeorm'
import { queueSubscribeMessage } from '../notifications'
import { Conversation, SubscribeCredit, type Message } from './entities'
import { previewOf } from './view'

/** At most one 新消息提醒 per conversation and side in this window, however many messages arrive. */
export const NOTIFY_THROTTLE_MS = 15 * 60_000
const TEMPLATE = 'message'

/** What a message subscribe message says; the delivery job maps it to the template's keys. */
export interface MessageNotice {
  type: 'message'
  conversationId: number
  senderName: string
  preview: string
  at: string
}

/** The user accepted 新消息提醒 once in WeChat: one more subscribe message may be sent to them. */
export async function grantCredit(em: EntityManager, userId: number): Promise<void> {
  const res = await em
    .createQueryBuilder()
    .update(SubscribeCredit)
    .set({ credits: () => 'credits + 1' })
    .where('userId = :userId AND template = :t', { userId, t: TEMPLATE })
    .execute()
  if (!res.affected)
    await em.createQueryBuilder().insert().into(SubscribeCredit).values({ userId, template: TEMPLATE, credits: 1 }).orIgnore().execute()
}

/**
 * Tells a recipient who has no socket open that a message is waiting, through a WeChat subscribe
 * message queued in the outbox (same transaction). Sent only when they granted one (WeChat's
 * one-time subscriptions) and not already told within the throttle window.
 */
export async function notifyIfAway(
  em: EntityManager,
  c: Conversation,
  recipient: { userId: number; side: 'resident' | 'staff' },
  message: Message,
  senderName: string,
  now: Date,
): Promise<boolean> {
  const column = recipient.side === 'resident' ? 'residentNotifiedAt' : 'staffNotifiedAt'
  // `c` was read before this transaction, so it may show the window open when it is not; but the
  // column only moves forward, so a window it shows taken is taken: no statement is spent on it.
  const last = c[column]
  if (last && now.getTime() - last.getTime() < NOTIFY_THROTTLE_MS) return false
  // The credit first: most recipients granted none, and then this is the only statement.
  const spent = await em
    .createQueryBuilder()
    .update(SubscribeCredit)
    .set({ credits: () => 'credits - 1' })
    .where('userId = :userId AND template = :t AND credits > 0', { userId: recipient.userId, t: TEMPLATE })
    .execute()
  if (!spent.affected) return false
  // One conditional UPDATE decides which message takes the window: several sent at once all read it open.
  const windowOpen = new Date(now.getTime() - NOTIFY_THROTTLE_MS)
  const took = await em
    .createQueryBuilder()
    .update(Conversation)
    .set({ [column]: now })
    .where([
      { id: c.id, [column]: IsNull() },
      { id: c.id, [column]: LessThanOrEqual(windowOpen) },
    ])
    .execute()
  if (!took.affected) {
    // Another message took the window: the reminder granted stays for a later one.
    await em
      .createQueryBuilder()
      .update(SubscribeCredit)
      .set({ credits: () => 'credits + 1' })
      .where('userId = :userId AND template = :t', { userId: recipient.userId, t: TEMPLATE })
      .execute()
    return false
  }
  const notice: MessageNotice = {
    type: 'message',
    conversationId: c.id,
    senderName: senderName.slice(0, 20),
    preview: previewOf(message).slice(0, 20),
    at: now.toISOString(),
  }
  await queueSubscribeMessage(em, { dedupeKey: `message:${c.id}:${message.seq}`, recipientUserId: recipient.userId, payload: notice, now })
  return true
}
