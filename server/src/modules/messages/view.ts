import { In, type EntityManager } from 'typeorm'
import type { ConversationSummary, Message as MessageView, Receipts } from '@anju/shared'
import type { AppContext } from '../../context'
import { DutyDesk } from '../officers/entities'
import { Ticket } from '../tickets/entities'
import { ticketNumber } from '../tickets/numbers'
import { TtlCache } from '../../lib/ttl-cache'
import { placesById } from '../places'
import { Upload } from '../uploads/entities'
import { toPhoto } from '../uploads/service'
import { User } from '../users/entities'
import type { ViewerSide } from './access'
import type { Conversation, Message } from './entities'

export const DESK_REPLY_LABEL = '值班民警 代回复'

/** Names shown beside messages and in inboxes change rarely; the lists read them on every page. */
const names = new TtlCache<number, string>(60_000, 100_000)

export async function userNames(em: EntityManager, ids: Array<number | null>): Promise<Map<number, string>> {
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))]
  const misses = wanted.filter((id) => names.peek(id) === undefined)
  if (misses.length > 0) {
    for (const u of await em.find(User, { where: { id: In(misses) }, select: { id: true, name: true } })) names.set(u.id, u.name)
  }
  return new Map(wanted.map((id) => [id, names.peek(id) ?? '']))
}

export function previewOf(m: Pick<Message, 'kind' | 'text'>): string {
  if (m.kind === 'image') return '[图片]'
  return (m.text ?? '').replace(/\s+/g, ' ').slice(0, 40)
}

export async function toMessages(app: AppContext, em: EntityManager, rows: Message[]): Promise<MessageView[]> {
  if (rows.length === 0) return []
  const uploadIds = rows.flatMap((m) => (m.uploadId ? [m.uploadId] : []))
  const ticketIds = rows.flatMap((m) => (m.ticketId ? [m.ticketId] : []))
  const [who, uploads, tickets] = await Promise.all([
    userNames(
      em,
      rows.map((m) => m.senderUserId),
    ),
    uploadIds.length ? em.findBy(Upload, { id: In(uploadIds) }) : Promise.resolve([]),
    ticketIds.length ? em.find(Ticket, { where: { id: In(ticketIds) }, select: { id: true, createdAt: true } }) : Promise.resolve([]),
  ])
  return rows.map((m) => {
    const upload = m.uploadId ? uploads.find((u) => u.id === m.uploadId) : undefined
    const ticket = m.ticketId ? tickets.find((t) => t.id === m.ticketId) : undefined
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
      ticket: ticket ? { id: ticket.id, number: ticketNumber(ticket.id, ticket.createdAt) } : null,
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
    deskIds.length ? em.findBy(DutyDesk, { id: In(deskIds) }) : Promise.resolve([]),
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
            deskName: desks.find((d) => d.id === c.deskId)?.name ?? '值班台',
          }
        : null,
  }))
}
