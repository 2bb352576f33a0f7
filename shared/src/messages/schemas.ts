import { z } from 'zod'
import { officerCardSchema, dutyDeskCardSchema } from '../officers'
import { idSchema } from '../places'
import { photoSchema, reportKindSchema } from '../tickets/schemas'
import { userText } from '../text'

/**
 * 24-hour messaging between a resident and the officer who leads their building (楼长民警),
 * covered by the duty desk (值班台) when the officer is off duty or does not answer.
 */

/** A message's id chosen by the sending app, so a retried send never stores it twice (a UUID fits). */
export const CLIENT_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/
export const clientIdSchema = z.string().regex(CLIENT_ID_PATTERN, '消息编号格式不正确，请更新小程序后重试')
export const MESSAGE_MAX_CHARS = 1000

export const messageTextSchema = userText({
  label: '消息',
  multiline: true,
  max: MESSAGE_MAX_CHARS,
  emptyMessage: '请输入消息内容',
  maxMessage: `消息不能超过 ${MESSAGE_MAX_CHARS} 字`,
})

export const sendMessageSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('text'),
    clientId: clientIdSchema,
    text: messageTextSchema,
    /** The sender just accepted the 新消息提醒 subscribe message in WeChat (one message's worth). */
    subscribed: z.boolean().optional(),
  }),
  z.object({
    kind: z.literal('image'),
    clientId: clientIdSchema,
    /** An upload made with purpose=message. */
    imageId: idSchema,
    subscribed: z.boolean().optional(),
  }),
])
export type SendMessageInput = z.input<typeof sendMessageSchema>

/** Who wrote a message. 'desk': a duty-desk officer answering for the building's officer (值班民警 代回复). */
export const MESSAGE_SIDES = ['resident', 'officer', 'desk', 'system'] as const
export const messageSideSchema = z.enum(MESSAGE_SIDES)
export type MessageSide = z.infer<typeof messageSideSchema>

export const MESSAGE_KINDS = ['text', 'image', 'system', 'ticket'] as const

export const messageSchema = z.object({
  id: z.number().int(),
  conversationId: z.number().int(),
  /** 1, 2, 3 … within the conversation: the order, and how a client finds a gap after a reconnect. */
  seq: z.number().int(),
  clientId: z.string().nullable(),
  kind: z.enum(MESSAGE_KINDS),
  side: messageSideSchema,
  sender: z.object({ userId: z.number().int().nullable(), name: z.string() }),
  /** 值班民警 代回复 on the desk's replies; null otherwise. */
  label: z.string().nullable(),
  text: z.string().nullable(),
  image: photoSchema.nullable(),
  /** kind 'ticket': the ticket this message was turned into, or that was opened from it. */
  ticket: z.object({ id: z.number().int(), number: z.string() }).nullable(),
  /** The content check flagged it; staff see a warning beside it. */
  held: z.boolean(),
  createdAt: z.string(),
})
export type Message = z.infer<typeof messageSchema>

/** How far each side has received and read: a message from one side is 已送达/已读 by the other's cursors. */
export const receiptsSchema = z.object({
  residentDeliveredSeq: z.number().int(),
  residentReadSeq: z.number().int(),
  staffDeliveredSeq: z.number().int(),
  staffReadSeq: z.number().int(),
})
export type Receipts = z.infer<typeof receiptsSchema>

export type MessageState = 'sent' | 'delivered' | 'read'

/** The state a reader sees on a message of their own side: 已发送, 已送达 or 已读. */
export function messageState(message: Pick<Message, 'seq' | 'side'>, receipts: Receipts): MessageState | null {
  if (message.side === 'system') return null
  const fromResident = message.side === 'resident'
  const read = fromResident ? receipts.staffReadSeq : receipts.residentReadSeq
  const delivered = fromResident ? receipts.staffDeliveredSeq : receipts.residentDeliveredSeq
  if (read >= message.seq) return 'read'
  if (delivered >= message.seq) return 'delivered'
  return 'sent'
}

export const MESSAGE_STATE_LABELS: Record<MessageState, string> = { sent: '已发送', delivered: '已送达', read: '已读' }

export const DESK_COVER_REASONS = ['off_duty', 'no_reply', 'no_officer'] as const
export const DESK_COVER_TEXT: Record<(typeof DESK_COVER_REASONS)[number], string> = {
  off_duty: '民警不在岗，值班台代为回复',
  no_reply: '民警暂未回复，值班台已接手',
  no_officer: '本楼暂无楼长民警，由值班台回复',
}

export const conversationSummarySchema = z.object({
  id: z.number().int(),
  building: z.object({ id: z.number().int(), name: z.string(), community: z.string() }),
  resident: z.object({ userId: z.number().int(), name: z.string() }),
  officer: z.object({ userId: z.number().int(), name: z.string() }).nullable(),
  lastMessage: z.object({ seq: z.number().int(), side: messageSideSchema, preview: z.string(), at: z.string() }).nullable(),
  /** Messages from the other side the viewer has not read. */
  unread: z.number().int(),
  /** 已处理: staff marked it handled; a new message from the resident clears it. */
  handled: z.boolean(),
  /** The resident has written and no one has answered yet (since when). */
  awaitingSince: z.string().nullable(),
  /** The duty desk has it: why, since when and which desk. */
  deskCover: z.object({ reason: z.enum(DESK_COVER_REASONS), since: z.string(), deskName: z.string() }).nullable(),
})
export type ConversationSummary = z.infer<typeof conversationSummarySchema>

export const conversationDetailSchema = conversationSummarySchema.extend({
  receipts: receiptsSchema,
  lastSeq: z.number().int(),
  /** The viewer's own side: residents write as 'resident'; officers as 'officer'; the desk as 'desk'. */
  viewerSide: messageSideSchema,
  officerCard: officerCardSchema.nullable(),
  dutyDesk: dutyDeskCardSchema.nullable(),
})
export type ConversationDetail = z.infer<typeof conversationDetailSchema>

export const INBOX_FILTERS = ['all', 'unread', 'open', 'desk'] as const
export const INBOX_FILTER_LABELS: Record<(typeof INBOX_FILTERS)[number], string> = {
  all: '全部',
  unread: '未读',
  open: '待处理',
  desk: '值班代回',
}
export const inboxQuerySchema = z.object({
  filter: z.enum(INBOX_FILTERS).default('all'),
  /** Resident's name or building name. */
  q: z.string().trim().max(30).optional(),
  /** Keyset cursor from the previous page. */
  cursor: z.string().max(60).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
})
export type InboxQuery = z.input<typeof inboxQuerySchema>

export const inboxPageSchema = z.object({
  items: z.array(conversationSummarySchema),
  nextCursor: z.string().nullable(),
})
export type InboxPage = z.infer<typeof inboxPageSchema>

export const messagesQuerySchema = z.object({
  /** Messages after this seq (the gap after a reconnect, or polling). */
  afterSeq: z.coerce.number().int().min(0).optional(),
  /** Older messages, before this seq (scrolling up). */
  beforeSeq: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
})
export const messagesPageSchema = z.object({
  items: z.array(messageSchema),
  receipts: receiptsSchema,
  lastSeq: z.number().int(),
  /** More older messages exist before the first one returned. */
  hasOlder: z.boolean(),
})
export type MessagesPage = z.infer<typeof messagesPageSchema>

export const sentMessageSchema = z.object({ message: messageSchema, replayed: z.boolean() })
export const readInputSchema = z.object({ seq: z.number().int().min(0) })
export const handledInputSchema = z.object({ handled: z.boolean() })

/** 转为工单: a staff member turns a resident's message into a hazard or dispute ticket for that resident. */
export const convertToTicketSchema = z.object({
  seq: z.number().int().min(1),
  kind: reportKindSchema,
  categoryId: idSchema,
})
export type ConvertToTicketInput = z.infer<typeof convertToTicketSchema>

export const unreadSchema = z.object({
  /** Unread messages across the viewer's conversations. */
  messages: z.number().int(),
  /** Unread notices (residents only). */
  notices: z.number().int(),
  total: z.number().int(),
})
export type Unread = z.infer<typeof unreadSchema>

/** 常用语: the staff member's own canned replies, edited as a whole list. */
export const CANNED_REPLY_MAX = 20
export const DEFAULT_CANNED_REPLIES = [
  '您好，我是您的楼长民警，消息已收到，马上为您处理。',
  '请问具体在几单元几楼？方便的话拍张照片发给我。',
  '已联系物业和社区，今天内会有人上门处理。',
  '如遇紧急情况请立即拨打110。',
  '问题已处理，如还有需要随时联系我。',
]
export const cannedRepliesSchema = z.object({
  items: z
    .array(userText({ label: '常用语', multiline: true, max: 200, emptyMessage: '常用语不能为空', maxMessage: '每条常用语不超过 200 字' }))
    .max(CANNED_REPLY_MAX, `最多 ${CANNED_REPLY_MAX} 条常用语`),
})
export type CannedReplies = z.infer<typeof cannedRepliesSchema>
