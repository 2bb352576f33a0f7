import { z } from 'zod'
import {
  cannedRepliesSchema, conversationDetailSchema, conversationSummarySchema, convertToTicketSchema, createNoticeSchema, handledInputSchema, idSchema,
  inboxPageSchema, inboxQuerySchema, messageSchema, messagesPageSchema, messagesQuerySchema, noticeSchema, noticesPageSchema, noticesQuerySchema,
  readInputSchema, receiptsSchema, sendMessageSchema, sentMessageSchema, unreadSchema,
} from '@anju/shared'
import type { AppContext } from '../../context'
import { route } from '../../lib/route'
import { cannedReplies, saveCannedReplies } from './canned'
import { conversationDetail, inbox, openConversation, setHandled, unreadCounts } from './conversations'
import { convertToTicket } from './convert'
import { createNotice, listNotices, readNotice } from './notices'
import { listMessages, markRead } from './receipts'
import { sendMessage } from './send'

const STAFF = ['officer', 'dispatcher', 'admin'] as const
const byId = z.object({ id: idSchema })

export const messageRoutes = (app: AppContext) => [
  // Idempotent without a key: opens the one (resident, building) conversation, a unique index.
  route({
    method: 'post', path: '/api/conversations', tag: 'messages', access: ['resident'],
    summary: '给楼长民警留言：打开（或新建）与本楼民警的对话',
    body: z.object({}).optional(), response: conversationDetailSchema,
    handler: ({ user }) => openConversation(app, user),
  }),
  route({
    method: 'get', path: '/api/conversations', tag: 'messages', access: ['resident', ...STAFF],
    summary: '对话列表：居民的对话；民警所负责楼栋的对话；值班台辖区内的对话',
    query: inboxQuerySchema, response: inboxPageSchema,
    handler: ({ user, query }) => inbox(app, user, query),
  }),
  route({
    method: 'get', path: '/api/conversations/:id', tag: 'messages', access: ['resident', ...STAFF],
    summary: '对话详情（已读回执、值班代回状态）',
    params: byId, response: conversationDetailSchema,
    handler: ({ user, params }) => conversationDetail(app, user, params.id),
  }),
  route({
    method: 'get', path: '/api/conversations/:id/messages', tag: 'messages', access: ['resident', ...STAFF],
    summary: '消息记录：最新、某序号之后（断线补齐、轮询）或之前（向上翻看）',
    params: byId, query: messagesQuerySchema, response: messagesPageSchema,
    handler: ({ user, params, query }) => listMessages(app, user, params.id, query),
  }),
  route({
    method: 'post', path: '/api/conversations/:id/messages', tag: 'messages', access: ['resident', ...STAFF], status: 201,
    summary: '发送消息（文字或图片）；同一 clientId 重发返回同一条消息',
    params: byId, body: sendMessageSchema, response: sentMessageSchema, limits: ['messages'],
    handler: ({ user, params, body }) => sendMessage(app, user, params.id, body),
  }),
  // Idempotent without a key: a read cursor that only moves forward.
  route({
    method: 'post', path: '/api/conversations/:id/read', tag: 'messages', access: ['resident', ...STAFF],
    summary: '标记已读到某序号',
    params: byId, body: readInputSchema, response: receiptsSchema,
    handler: ({ user, params, body }) => markRead(app, user, params.id, body.seq),
  }),
  // Idempotent without a key: sets handled to the value sent.
  route({
    method: 'post', path: '/api/conversations/:id/handled', tag: 'messages', access: STAFF,
    summary: '标记已处理（或重新打开）',
    params: byId, body: handledInputSchema, response: conversationSummarySchema,
    handler: ({ user, params, body }) => setHandled(app, user, params.id, body.handled),
  }),
  // Keyed by the message: its ticket's clientKey is derived from the message id (convert.ts).
  route({
    method: 'post', path: '/api/conversations/:id/tickets', tag: 'messages', access: STAFF, status: 201,
    summary: '转为工单：把居民的一条消息转为隐患或纠纷工单',
    params: byId, body: convertToTicketSchema,
    response: z.object({ message: messageSchema, ticket: z.object({ id: z.number().int(), number: z.string() }) }),
    handler: ({ user, params, body }) => convertToTicket(app, user, params.id, body),
  }),
  route({
    method: 'get', path: '/api/messages/unread', tag: 'messages', access: ['resident', ...STAFF],
    summary: '未读数（底部“消息”角标）',
    response: unreadSchema,
    handler: ({ user }) => unreadCounts(app, user),
  }),
  route({
    method: 'get', path: '/api/canned-replies', tag: 'messages', access: STAFF,
    summary: '我的常用语',
    response: cannedRepliesSchema,
    handler: ({ user }) => cannedReplies(app, user),
  }),
  // Idempotent without a key: replaces the whole list.
  route({
    method: 'put', path: '/api/canned-replies', tag: 'messages', access: STAFF,
    summary: '保存我的常用语',
    body: cannedRepliesSchema, response: cannedRepliesSchema,
    handler: ({ user, body }) => saveCannedReplies(app, user, body),
  }),
  route({
    method: 'get', path: '/api/notices', tag: 'notices', access: ['resident', ...STAFF],
    summary: '通知：居民看本楼收到的；民警、值班台看自己发布的（含阅读数）',
    query: noticesQuerySchema, response: noticesPageSchema,
    handler: ({ user, query }) => listNotices(app, user, query),
  }),
  route({
    method: 'post', path: '/api/notices', tag: 'notices', access: STAFF, status: 201,
    summary: '发布通知（安全提示、反诈提醒、停水停电）到所选或全部楼栋',
    body: createNoticeSchema, response: noticeSchema,
    handler: ({ user, body }) => createNotice(app, user, body),
  }),
  // Idempotent without a key: (notice, user) is the read row's primary key.
  route({
    method: 'post', path: '/api/notices/:id/read', tag: 'notices', access: ['resident'], status: 204,
    summary: '居民已读通知',
    params: byId,
    handler: ({ user, params }) => readNotice(app, user, params.id),
  }),
]
