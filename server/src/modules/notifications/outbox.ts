import type { EntityManager } from 'typeorm'
import type { SubscribeEvent, TicketStatus } from '@anju/shared'
import { TICKET_STATUS_LABELS } from '@anju/shared'
import { OutboxMessage } from './entities'

/** What a ticket subscribe message says; the delivery job maps it to the template's keys. */
export interface TicketNotice {
  event: SubscribeEvent
  ticketId: number
  number: string
  statusText: string
  /** ≤ 20 characters: WeChat's `thing` fields are that short. */
  summary: string
  at: string
}

const NOTICE_TEXT: Record<SubscribeEvent, string> = {
  accepted: '您反映的问题已受理',
  resolved: '您反映的问题已办结，请评价',
  escalated: '您反映的问题已升级办理',
}

/** What a ticket notice needs of the ticket: plain values, as notifications sits below tickets. */
export interface NoticeTicket {
  id: number
  /** Its human number (AJ…), which tickets derives. */
  number: string
  status: TicketStatus
  reporterUserId: number
  /** The events the reporter accepted when submitting. */
  subscribed: readonly SubscribeEvent[]
}

/**
 * Queues a subscribe message to the reporter, in the caller's transaction, if they accepted this
 * event when submitting. `round` tells a second resolve (after a reopen) from the first.
 */
export async function queueTicketNotice(
  em: EntityManager,
  ticket: NoticeTicket,
  event: SubscribeEvent,
  now: Date,
  round = 0,
): Promise<void> {
  if (!ticket.subscribed.includes(event)) return
  const notice: TicketNotice = {
    event,
    ticketId: ticket.id,
    number: ticket.number,
    statusText: TICKET_STATUS_LABELS[ticket.status],
    summary: NOTICE_TEXT[event],
    at: now.toISOString(),
  }
  await queueSubscribeMessage(em, {
    dedupeKey: `ticket:${ticket.id}:${event}:${round}`,
    recipientUserId: ticket.reporterUserId,
    payload: notice,
    now,
  })
}

/** Queues a WeChat subscribe message in the caller's transaction; the same dedupe key never queues a second. */
export async function queueSubscribeMessage(
  em: EntityManager,
  m: { dedupeKey: string; recipientUserId: number; payload: object; now: Date },
): Promise<void> {
  await em
    .createQueryBuilder()
    .insert()
    .into(OutboxMessage)
    .values({
      channel: 'wechat_subscribe',
      dedupeKey: m.dedupeKey,
      recipientUserId: m.recipientUserId,
      payload: m.payload as never,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: m.now,
      createdAt: m.now,
    })
    .orIgnore()
    .execute()
}
