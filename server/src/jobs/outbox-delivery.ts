import { BEIJING_OFFSET_MS } from '@anju/shared'
import type { AppContext } from '../context'
import { WechatSendError } from '../integrations/wechat/client'
import type { MessageNotice } from '../modules/messages'
import { claimDueOutbox, settleOutbox, type OutboxMessage, type TicketNotice } from '../modules/notifications'
import { userById } from '../modules/users'

const BATCH = 50
const LOCK_MS = 60_000
/** Minutes before the next try: 1, 5, 30, 120, 360; after the last, the message is given up ('dead'). */
const BACKOFF_MINUTES = [1, 5, 30, 120, 360]

export interface DeliveryResult {
  sent: number
  failed: number
  retried: number
}

/**
 * Delivers due outbox rows. The rows are claimed with one conditional UPDATE that only one instance
 * can win (see claimDue), and the outcome is written only while the claim still holds, so two
 * instances never both send a message, and a late loser cannot overwrite 'sent' with 'dead'. A
 * crashed instance's claim expires after LOCK_MS and another instance takes the row over.
 */
export async function deliverOutbox(app: AppContext): Promise<DeliveryResult> {
  const result: DeliveryResult = { sent: 0, failed: 0, retried: 0 }
  const now = app.now()
  const { token, rows } = await claimDueOutbox(app.ds.manager, now, { lockMs: LOCK_MS, batch: BATCH })
  for (const message of rows) {
    // A slow WeChat could outlast the lease, and another instance would then send the rest too:
    // past half of it, the rows not yet sent are handed back for the next round instead.
    if (app.now().getTime() - now.getTime() > LOCK_MS / 2) {
      await settleOutbox(app.ds.manager, message.id, token)
      continue
    }
    const outcome = await deliverOne(app, message, token)
    if (outcome) result[outcome]++
  }
  return result
}

async function deliverOne(app: AppContext, message: OutboxMessage, token: string): Promise<keyof DeliveryResult | null> {
  const attempts = message.attempts + 1
  const settle = async (set: Partial<OutboxMessage>) => {
    const held = await settleOutbox(app.ds.manager, message.id, token, { ...set, attempts })
    if (!held) app.log.warn('outbox claim lost before its outcome was written', { outboxId: message.id })
    return held
  }
  try {
    await send(app, message)
    return (await settle({ status: 'sent', sentAt: app.now(), lastError: null })) ? 'sent' : null
  } catch (err) {
    const retryable = !(err instanceof WechatSendError) || err.retryable
    const backoff = BACKOFF_MINUTES[attempts - 1]
    const giveUp = !retryable || backoff === undefined
    app.log.warn('outbox delivery failed', { outboxId: message.id, channel: message.channel, attempts, giveUp, error: describe(err) })
    const held = await settle({
      status: giveUp ? 'dead' : 'failed',
      lastError: describe(err).slice(0, 300),
      nextAttemptAt: new Date(app.now().getTime() + (backoff ?? 0) * 60_000),
    })
    if (!held) return null
    return giveUp ? 'failed' : 'retried'
  }
}

function describe(err: unknown): string {
  if (err instanceof WechatSendError) return `errcode ${err.errcode}: ${err.message}`
  return err instanceof Error ? err.message : String(err)
}

async function send(app: AppContext, message: OutboxMessage): Promise<void> {
  if (message.channel !== 'wechat_subscribe') throw new Error(`unknown channel ${message.channel}`)
  const user = message.recipientUserId ? await userById(app.ds.manager, message.recipientUserId) : null
  if (!user) throw new WechatSendError(40003, 'recipient no longer exists', false)
  const payload = message.payload as unknown as TicketNotice | MessageNotice
  if ('type' in payload && payload.type === 'message') return sendMessageNotice(app, user.openid, payload)
  const notice = payload as TicketNotice
  const at = beijingMinute(notice.at)
  await app.wechat.sendSubscribeMessage({
    touser: user.openid,
    templateId: app.config.wechat.templates[notice.event],
    page: `pages/ticket/index?id=${notice.ticketId}`,
    // Keys of the 工单进度提醒 template: 工单编号, 办理状态, 温馨提示, 更新时间.
    data: {
      character_string1: { value: notice.number },
      phrase2: { value: notice.statusText },
      thing3: { value: notice.summary.slice(0, 20) },
      time4: { value: at },
    },
  })
}

function beijingMinute(iso: string): string {
  const at = new Date(new Date(iso).getTime() + BEIJING_OFFSET_MS).toISOString()
  return `${at.slice(0, 10)} ${at.slice(11, 16)}`
}

async function sendMessageNotice(app: AppContext, openid: string, notice: MessageNotice): Promise<void> {
  await app.wechat.sendSubscribeMessage({
    touser: openid,
    templateId: app.config.wechat.templates.message,
    page: `pages/chat/index?id=${notice.conversationId}`,
    // Keys of the 新消息提醒 template: 发送人, 消息内容, 发送时间.
    data: {
      thing1: { value: notice.senderName || '安居' },
      thing2: { value: notice.preview || '您有一条新消息' },
      time3: { value: beijingMinute(notice.at) },
    },
  })
}
