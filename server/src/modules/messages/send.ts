import type { EntityManager } from 'typeorm'
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity'
import type { Message as MessageView } from '@anju/shared'
import { isOnDuty, sendMessageSchema } from '@anju/shared'
import type { z } from 'zod'
import type { AppContext } from '../../context'
import { isUniqueViolation } from '../../db/errors'
import { badRequest } from '../../errors/app-error'
import type { AuthUser } from '../../middleware/auth'
import { buildingRouting } from '../officers'
import { placeById } from '../places'
import { checkText, uploadById, type Upload } from '../uploads'
import { openidOf, userNames } from '../users'
import { conversationFor, type ViewerSide } from './access'
import { appendMessages, publishMessages, systemNote, wholeSeconds, type MessageDraft } from './append'
import { Conversation, Message } from './entities'
import { grantCredit, notifyIfAway } from './notify'
import { toMessages } from './view'

type SendMessage = z.output<typeof sendMessageSchema>

/** What a message changes besides itself: counters, the reply clock, the desk's cover, a system note. */
interface Plan {
  changes: QueryDeepPartialEntity<Conversation>
  notes: MessageDraft[]
  /** Who to tell through WeChat if they have no socket open. */
  notify: { userId: number; side: 'resident' | 'staff' } | null
}

/**
 * Sends a message. The (sender, clientId) unique index makes a retry — even two at once — return
 * the first message instead of storing a second. Checks (access, rate, content) happen before the
 * transaction; the transaction numbers the message, updates the conversation and queues any
 * subscribe message; the frames go out after the commit.
 */
export async function sendMessage(
  app: AppContext,
  user: AuthUser,
  conversationId: number,
  input: SendMessage,
): Promise<{ message: MessageView; replayed: boolean }> {
  const em = app.ds.manager
  const { conversation, side } = await conversationFor(em, user, conversationId)
  const replay = await replayOf(app, user, conversationId, input.clientId)
  if (replay) return replay
  // After the replay check, so that a retry of a stored message is answered even past the limit.
  await app.limits.consume('messages', user.id)
  const draft = await draftOf(app, user, side, input)
  const now = wholeSeconds(app.now())
  const plan = side === 'resident' ? await residentPlan(app, conversation, now) : staffPlan(conversation, side)
  const away = plan.notify && !(await app.realtime.presence.online([plan.notify.userId])).has(plan.notify.userId) ? plan.notify : null
  let rows: Message[]
  try {
    rows = await app.ds.transaction(async (tx) => {
      const appended = await appendMessages(tx, conversationId, [draft, ...plan.notes], now, plan.changes)
      if (input.subscribed) await grantCredit(tx, user.id)
      if (away) await notifyIfAway(tx, conversation, away, appended[0]!, (await userNames(tx, [user.id])).get(user.id) ?? '', now)
      return appended
    })
  } catch (err) {
    const raced = isUniqueViolation(err) ? await replayOf(app, user, conversationId, input.clientId) : null
    if (raced) return raced
    // Not this send's retry: the image went out in another send at the same moment (uq_message_upload).
    if (isUniqueViolation(err) && draft.uploadId !== null && (await em.existsBy(Message, { uploadId: draft.uploadId })))
      throw imageAlreadySent()
    throw err
  }
  const views = await toMessages(app, em, rows)
  const coverChanged = 'deskCoverSince' in plan.changes && (plan.changes.deskCoverSince === null) === (conversation.deskCoverSince !== null)
  await publishMessages(
    app,
    { ...conversation, officerUserId: (plan.changes.officerUserId as number | null | undefined) ?? conversation.officerUserId },
    views,
    { coverChanged },
  )
  return { message: views[0]!, replayed: false }
}

async function replayOf(app: AppContext, user: AuthUser, conversationId: number, clientId: string) {
  const prior = await app.ds.manager.findOneBy(Message, { senderUserId: user.id, clientId })
  if (!prior) return null
  if (prior.conversationId !== conversationId) throw badRequest('消息编号已被使用，请重新发送', { field: 'clientId' })
  return { message: (await toMessages(app, app.ds.manager, [prior]))[0]!, replayed: true }
}

async function draftOf(app: AppContext, user: AuthUser, side: ViewerSide, input: SendMessage): Promise<MessageDraft> {
  const base = { senderUserId: user.id, side, clientId: input.clientId, ticketId: null }
  if (input.kind === 'image') {
    const upload = await claimImage(app.ds.manager, user.id, input.imageId)
    return { ...base, kind: 'image', text: null, uploadId: upload.id, held: upload.review === 'held' }
  }
  const openid = (await openidOf(app.ds.manager, user.id)) ?? ''
  const held = (await checkText(app, { openid, content: input.text, scene: 2 })) === 'held'
  return { ...base, kind: 'text', text: input.text, uploadId: null, held }
}

const imageAlreadySent = () => badRequest('这张图片已经发送过了', { field: 'imageId' })

/** The image must be the sender's own upload for a message, not already sent. */
async function claimImage(em: EntityManager, userId: number, uploadId: number): Promise<Upload> {
  const upload = await uploadById(em, uploadId)
  if (!upload || upload.ownerUserId !== userId) throw badRequest('图片不存在或已失效，请重新选择', { field: 'imageId' })
  if (upload.purpose !== 'message') throw badRequest('图片用途不符，请重新选择', { field: 'imageId' })
  // Answers a resend early; two sends at once are decided by the unique index on message.uploadId.
  if (await em.existsBy(Message, { uploadId })) throw imageAlreadySent()
  return upload
}

/**
 * A resident writes: the officer gets it if on duty; otherwise the desk covering the building has
 * the conversation from now on, and the resident is told so at once.
 */
async function residentPlan(app: AppContext, c: Conversation, now: Date): Promise<Plan> {
  const em = app.ds.manager
  const building = await placeById(em, c.buildingId)
  const routing = building ? await buildingRouting(em, building) : { lead: null, desk: null }
  const lead = routing.lead
  const reason = !lead ? 'no_officer' : isOnDuty(lead.profile.dutyHours, lead.profile.onLeaveUntil, now) ? null : 'off_duty'
  const changes: QueryDeepPartialEntity<Conversation> = {
    officerUserId: lead?.user.id ?? null,
    handledAt: null,
    officerUnread: () => 'officerUnread + 1',
    ...(c.awaitingSince ? {} : { awaitingSince: now }),
  }
  const notes: MessageDraft[] = []
  if (c.deskCoverSince || reason) changes.deskUnread = () => 'deskUnread + 1'
  if (!c.deskCoverSince && reason) {
    Object.assign(changes, { deskCoverSince: now, deskCoverReason: reason, deskId: routing.desk?.id ?? null })
    const desk = routing.desk ? `${routing.desk.name}，值班民警会尽快回复您` : '值班民警'
    const who = lead ? `${lead.user.name}民警现在不在岗` : '本楼暂无楼长民警'
    notes.push(systemNote(`${who}，您的消息已转给${desk}。紧急情况请直接拨打110。`))
  }
  const notify = lead && !reason && !c.deskCoverSince ? { userId: lead.user.id, side: 'staff' as const } : null
  return { changes, notes, notify }
}

/** Staff answer: the reply clock stops; the officer's own reply also ends the desk's cover. */
function staffPlan(c: Conversation, side: ViewerSide): Plan {
  const changes: QueryDeepPartialEntity<Conversation> = { residentUnread: () => 'residentUnread + 1', awaitingSince: null }
  if (side === 'officer') Object.assign(changes, { deskCoverSince: null, deskCoverReason: null, deskId: null, deskUnread: 0 })
  return { changes, notes: [], notify: { userId: c.residentUserId, side: 'resident' } }
}
