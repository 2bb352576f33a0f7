import { createHash } from 'node:crypto'
import type { ConvertToTicketInput, Message as MessageView } from '@anju/shared'
import { MAX_DESCRIPTION_LENGTH, TICKET_KIND_LABELS, createTicketSchema } from '@anju/shared'
import type { AppContext } from '../../context'
import { AppError, forbidden } from '../../errors/app-error'
import type { AuthUser } from '../../middleware/auth'
import { recordAudit } from '../audit'
import { submitTicket } from '../tickets'
import { conversationFor } from './access'
import { appendMessages, publishMessages, wholeSeconds } from './append'
import { Message } from './entities'
import { toMessages } from './view'

/** The ticket's clientKey for a message: the same message always makes the same (one) ticket. */
function clientKeyFor(messageId: number): string {
  const h = createHash('sha256').update(`anju-message-ticket:${messageId}`).digest('hex')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`
}

/**
 * 转为工单: staff turn a resident's message into a hazard or dispute ticket reported in the
 * resident's name (so they follow it in 我的工单), routed like any report, and linked from the
 * conversation by a message that opens it. Doing it twice gives the same ticket and one link.
 */
export async function convertToTicket(
  app: AppContext,
  user: AuthUser,
  id: number,
  input: ConvertToTicketInput,
): Promise<{ message: MessageView; ticket: { id: number; number: string } }> {
  const em = app.ds.manager
  const { conversation, side } = await conversationFor(em, user, id)
  if (side === 'resident') throw forbidden()
  const source = await em.findOneBy(Message, { conversationId: id, seq: input.seq })
  if (!source || source.side !== 'resident') throw new AppError(400, 'validation_failed', '请选择居民发来的消息', { field: 'seq' })
  if (source.kind !== 'text' || !source.text) throw new AppError(400, 'validation_failed', '请选择文字消息转为工单', { field: 'seq' })
  const receipt = await submitTicket(
    app,
    { id: conversation.residentUserId, role: 'resident' },
    createTicketSchema.parse({
      clientKey: clientKeyFor(source.id),
      kind: input.kind,
      categoryId: input.categoryId,
      description: source.text.slice(0, MAX_DESCRIPTION_LENGTH),
      photoIds: [],
      location: { type: 'building', buildingId: conversation.buildingId },
      anonymous: false,
      subscribed: [],
      // Staff judged the message; the 110 prompt is for residents typing it themselves.
      emergencyAcknowledged: true,
    }),
  )
  const ticket = { id: receipt.ticket.id, number: receipt.ticket.number }
  const linked = await em.findOneBy(Message, { conversationId: id, ticketId: ticket.id })
  if (linked) return { message: (await toMessages(app, em, [linked]))[0]!, ticket }
  const text = `已将您的留言转为${TICKET_KIND_LABELS[input.kind]}工单 ${ticket.number}，可在“工单”中查看办理进度。`
  const rows = await app.ds.transaction(async (tx) => {
    const appended = await appendMessages(
      tx,
      id,
      [{ senderUserId: user.id, side, clientId: null, kind: 'ticket', text, uploadId: null, ticketId: ticket.id, held: false }],
      wholeSeconds(app.now()),
      {
        residentUnread: () => 'residentUnread + 1',
        awaitingSince: null,
      },
    )
    await recordAudit(tx, {
      actorUserId: user.id,
      action: 'conversation.ticket',
      targetType: 'conversation',
      targetId: id,
      detail: { seq: input.seq, ticketId: ticket.id },
    })
    return appended
  })
  const views = await toMessages(app, em, rows)
  await publishMessages(app, conversation, views)
  return { message: views[0]!, ticket }
}
