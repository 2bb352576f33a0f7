import type {
  CannedReplies,
  ConversationDetail,
  ConversationSummary,
  ConvertToTicketInput,
  INBOX_FILTERS,
  InboxPage,
  Message,
  MessagesPage,
  Photo,
  Receipts,
  SendMessageInput,
  Unread,
} from '@anju/shared'
import Taro from '@tarojs/taro'
import { request, upload } from './request'

/** 24-hour messaging: conversations, messages, receipts, 常用语 and the unread count. */

export type InboxFilter = (typeof INBOX_FILTERS)[number]

export interface InboxQuery {
  filter: InboxFilter
  /** The resident's name or the building's. */
  q?: string
  cursor?: string
  limit?: number
}

export const chatPageUrl = (id: number) => `/pages/chat/index?id=${id}`
export const MESSAGES_TAB_PAGE = '/pages/messages/index'

/** The resident's conversation with their building-lead officer: opened once, the same one after. */
export const openMyConversation = () => request<ConversationDetail>('/api/conversations', { method: 'POST', data: {} })

export const fetchInbox = (query: InboxQuery) => request<InboxPage>('/api/conversations', { query: { ...query } })

export const fetchConversation = (id: number) => request<ConversationDetail>(`/api/conversations/${id}`)

/** Without a cursor: the newest page. Fetching marks the messages delivered to the viewer. */
export const fetchMessages = (id: number, query: { afterSeq?: number; beforeSeq?: number; limit?: number } = {}) =>
  request<MessagesPage>(`/api/conversations/${id}/messages`, { query })

/** A retry with the same clientId returns the stored message (replayed: true), never a second one. */
export const sendMessage = (id: number, input: SendMessageInput) =>
  request<{ message: Message; replayed: boolean }>(`/api/conversations/${id}/messages`, { method: 'POST', data: input })

export const markConversationRead = (id: number, seq: number) =>
  request<Receipts>(`/api/conversations/${id}/read`, { method: 'POST', data: { seq } })

export const markConversationHandled = (id: number, handled: boolean) =>
  request<ConversationSummary>(`/api/conversations/${id}/handled`, { method: 'POST', data: { handled } })

export const convertMessageToTicket = (id: number, input: ConvertToTicketInput) =>
  request<{ message: Message; ticket: { id: number; number: string } }>(`/api/conversations/${id}/tickets`, { method: 'POST', data: input })

/** `clientKey`: the same on every retry of this image, so a lost answer never stores it twice. */
export const uploadMessageImage = (filePath: string, clientKey: string, onProgress?: (percent: number) => void) =>
  upload<Photo>('/api/uploads', filePath, { query: { purpose: 'message', clientKey }, onProgress })

export const fetchUnread = () => request<Unread>('/api/messages/unread')

export const fetchCannedReplies = () => request<CannedReplies>('/api/canned-replies')

export const saveCannedReplies = (items: string[]) => request<CannedReplies>('/api/canned-replies', { method: 'PUT', data: { items } })

/** 在线留言: opens (or creates) the resident's conversation and shows it. */
export async function goToMyConversation(): Promise<void> {
  const conversation = await openMyConversation()
  await Taro.navigateTo({ url: chatPageUrl(conversation.id) })
}
