import type { EntityManager } from 'typeorm'
import type { ConversationSummary, Message as MessageView, Receipts } from '@anju/shared'
import type { AppContext } from '../../context'
import { dutyDeskNames } from '../officers'
import { placesById } from '../places'
import { ticketNumbersById } from '../tickets'
import { toPhoto, uploadsById } from '../uploads'
import { userNames } from '../users'
import type { ViewerSide } from './access'
import type { Conversation, Message } from './entities'

export const DESK_REPLY_LABEL = '值班民警 代回复'

export function previewOf(m: Pick<Message, 'kind' | 'text'>): string {
  if (m.kind === 'image') return '[图片]'
  return (m.text ?? '').replace(/\s+/g, ' ').slice(0, 40)
}

export async function toMessages(app: AppContext, em: EntityManager, rows: Message[]): Promise<MessageView[]> {
  if (rows.length === 0) return []
  const uploadIds = rows.flatMap((m) => (m.uploadId ? [m.uploadId] : []))
  const ticketIds = rows.flatMap((m) => (m.ticketId ? [m.ticketId] : []))
  const [who, uploads, ticketNumbers] = await Promise.all([
    userNames(
      em,
      rows.map((m) => m.senderUserId),
    ),
    uploadIds.length ? uploadsById(em, uploadIds) : Promise.resolve([]),
    ticketNumbersById(em, ticketIds),
  ])
  return rows.map((m) => {
    const upload = m.uploadId ? uploads.find((u) => u.id === m.uploadId) : undefined
    const ticketNumber = m.ticketId ? ticketNumbers.get(m.ticketId) : undefined
    return {
      id: m.id,
      conversationId: m.conversationId,
      seq: m.seq,
      clientId: m.clientId,
      kind: m.kind,
      side: m.side,
      sender: { userId: m.senderUserId, name: m.senderUserId ? (who.get(m.senderUserId) ?? '') : '系统消息' },
      label: m.side === 'desk' ? DESK_REPLY_LABEL : null,
      text: m.text,
      image: upload ? toPhoto(app, upload) : null,
      ticket: m.ticketId && ticketNumber ? { id: m.ticketId, number: ticketNumber } : null,
      held: Boolean(m.held),
      createdAt: m.createdAt.toISOString(),
    }
  })
}

export const receiptsOf = (c: Conversation): Receipts => ({
  residentDeliveredSeq: c.residentDeliveredSeq,
  residentReadSeq: c.residentReadSeq,
  staffDeliveredSeq: c.staffDeliveredSeq,
  staffReadSeq: c.staffReadSeq,
})

const unreadFor = (c: Conversation, side: ViewerSide) =>
  side === 'resident' ? c.residentUnread : side === 'officer' ? c.officerUnread : c.deskUnread

export async function toSummaries(em: EntityManager, rows: Conversation[], side: ViewerSide): Promise<ConversationSummary[]> {
  if (rows.length === 0) return []
  const deskIds = [...new Set(rows.flatMap((c) => (c.deskId ? [c.deskId] : [])))]
  const [places, who, desks] = await Promise.all([
    placesById(
      em,
      rows.flatMap((c) => [c.buildingId, c.communityId ?? c.buildingId]),
    ),
    userNames(
      em,
      rows.flatMap((c) => [c.residentUserId, c.officerUserId]),
    ),
    dutyDeskNames(em, deskIds),
  ])
  return rows.map((c) => ({
    id: c.id,
    building: {
      id: c.buildingId,
      name: places.get(c.buildingId)?.name ?? '',
      community: (c.communityId && places.get(c.communityId)?.name) || '',
    },
    resident: { userId: c.residentUserId, name: who.get(c.residentUserId) ?? '' },
    officer: c.officerUserId ? { userId: c.officerUserId, name: who.get(c.officerUserId) ?? '' } : null,
    lastMessage:
      c.lastMessageAt && c.lastSide
        ? { seq: c.lastSeq, side: c.lastSide, preview: c.lastPreview ?? '', at: c.lastMessageAt.toISOString() }
        : null,
    unread: unreadFor(c, side),
    handled: c.handledAt !== null,
    awaitingSince: c.awaitingSince?.toISOString() ?? null,
    deskCover:
      c.deskCoverSince && c.deskCoverReason
        ? {
            reason: c.deskCoverReason,
            since: c.deskCoverSince.toISOString(),
            deskName: desks.get(c.deskId ?? 0) ?? '值班台',
          }
        : null,
  }))
}
