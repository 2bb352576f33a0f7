import { messageState, type Message, type MessageSide, type Receipts } from '@anju/shared'
import type { BubbleMessage, BubbleState } from '../../components/ChatBubble'
import type { Outgoing } from './use-outbox'

/** One line of the conversation as shown: a stored message or one still on its way. */
export interface ChatRow {
  key: string
  at: string
  message: BubbleMessage
  own: boolean
  state: BubbleState | null
  /** Stored messages only: what 转为工单 and scrolling refer to. */
  seq: number | null
  /** Messages on their way only: what 重发 refers to. */
  clientId: string | null
}

const STAFF_SIDES = new Set<MessageSide>(['officer', 'desk'])

/** The viewer's party: a resident, or the staff (their officer and the desk answer as one). */
export const isOwnSide = (viewerSide: MessageSide, side: MessageSide) =>
  viewerSide === 'resident' ? side === 'resident' : STAFF_SIDES.has(side)

function pendingMessage(o: Outgoing, viewerSide: MessageSide, viewerName: string): BubbleMessage {
  return {
    kind: o.kind,
    side: viewerSide,
    sender: { userId: null, name: viewerName },
    label: null,
    text: o.text,
    image: o.localPath ? { id: 0, url: o.localPath, width: null, height: null, review: 'pending' } : null,
    ticket: null,
    held: false,
  }
}

/**
 * Stored messages in seq order, then those on their way. Only the newest own message carries
 * 已发送 / 已送达 / 已读: it says the same of all before it, and a column of labels is noise.
 */
export function chatRows(
  messages: Message[],
  outgoing: Outgoing[],
  receipts: Receipts | null,
  viewerSide: MessageSide,
  viewerName: string,
): ChatRow[] {
  let newestOwn = -1
  for (const m of messages) if (isOwnSide(viewerSide, m.side)) newestOwn = m.seq
  const stored = messages.map((m): ChatRow => ({
    key: `m${m.seq}`,
    at: m.createdAt,
    message: m,
    own: isOwnSide(viewerSide, m.side),
    state: m.seq === newestOwn && receipts ? messageState(m, receipts) : null,
    seq: m.seq,
    clientId: null,
  }))
  const sentIds = new Set(messages.map((m) => m.clientId).filter(Boolean))
  const pending = outgoing
    .filter((o) => !sentIds.has(o.clientId))
    .map((o): ChatRow => ({
      key: `p${o.clientId}`,
      at: o.createdAt,
      message: pendingMessage(o, viewerSide, viewerName),
      own: true,
      state: o.status === 'failed' ? 'failed' : 'sending',
      seq: null,
      clientId: o.clientId,
    }))
  return [...stored, ...pending]
}
