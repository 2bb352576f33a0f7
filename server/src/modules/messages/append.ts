import type { EntityManager } from 'typeorm'
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity'
import type { Message as MessageView } from '@anju/shared'
import type { AppContext } from '../../context'
import { Conversation, Message } from './entities'
import { conversationTopics } from './topics'
import { previewOf } from './view'

export type MessageDraft = Pick<Message, 'senderUserId' | 'side' | 'clientId' | 'kind' | 'text' | 'uploadId' | 'ticketId' | 'held'>

export const systemNote = (text: string): MessageDraft => ({
  senderUserId: null,
  side: 'system',
  clientId: null,
  kind: 'system',
  text,
  uploadId: null,
  ticketId: null,
  held: false,
})

/** Whole seconds: MySQL's DATETIME keeps none, and a message must read back as it was sent. */
export const wholeSeconds = (d: Date) => new Date(Math.floor(d.getTime() / 1000) * 1000)

/**
 * Appends messages to a conversation inside the caller's transaction. Raising lastSeq first takes
 * the conversation row's lock, so concurrent senders queue there and each gets the next numbers:
 * seqs have no gaps and no repeats, which is what lets a client see a gap and fetch it.
 * `changes` are the conversation's other updates (counters, cover), written in the same statement.
 */
export async function appendMessages(
  em: EntityManager,
  conversationId: number,
  drafts: MessageDraft[],
  now: Date,
  changes: QueryDeepPartialEntity<Conversation> = {},
): Promise<Message[]> {
  await em
    .createQueryBuilder()
    .update(Conversation)
    .set({ lastSeq: () => `lastSeq + ${drafts.length}` })
    .where('id = :id', { id: conversationId })
    .execute()
  const { lastSeq } = await em.findOneOrFail(Conversation, { where: { id: conversationId }, select: { id: true, lastSeq: true } })
  const first = lastSeq - drafts.length + 1
  const rows = drafts.map((d, i) => em.create(Message, { ...d, conversationId, seq: first + i, createdAt: now }))
  await em.insert(Message, rows)
  // Lists preview what people wrote: a system note (the desk taking over) moves the row up, not its words.
  const said = rows.filter((m) => m.side !== 'system').pop()
  await em.update(
    Conversation,
    { id: conversationId },
    { ...changes, lastMessageAt: now, ...(said ? { lastPreview: previewOf(said), lastSide: said.side } : {}) },
  )
  return rows
}

/** After the commit: every socket of the resident, the officer and the covering desks gets the messages. */
export async function publishMessages(
  app: AppContext,
  conversation: Conversation,
  messages: MessageView[],
  opts: { coverChanged?: boolean } = {},
): Promise<void> {
  const topics = conversationTopics(conversation)
  for (const message of messages) await app.realtime.publish(topics, { type: 'message', message })
  // The desk took the conversation or gave it back: banners and inbox filters change.
  if (opts.coverChanged) await app.realtime.publish(topics, { type: 'conversation', conversationId: conversation.id })
}
