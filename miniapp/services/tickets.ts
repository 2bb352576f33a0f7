import type {
  CreateTicketInput,
  MY_TICKET_TABS,
  Photo,
  REPORT_KINDS,
  TicketActionInput,
  TicketCategory,
  TicketDetail,
  TicketReceipt,
  TicketSummary,
} from '@anju/shared'
import { request, upload } from './request'

/** The resident's side of tickets: 上报, 我的工单, detail, and the resident's actions. */

export type ReportKind = (typeof REPORT_KINDS)[number]
export type MyTicketTab = (typeof MY_TICKET_TABS)[number]

export interface MyTicketsPage {
  items: TicketSummary[]
  nextCursor: string | null
}

export const listReportCategories = (kind: ReportKind) =>
  request<{ items: TicketCategory[] }>('/api/ticket-categories', { query: { kind } })

/**
 * One photo of a report, sent as soon as it is chosen; the ticket later names it by id. The
 * clientKey is made when the photo is chosen and sent again on a retry: the server keeps one copy.
 */
export const uploadReportPhoto = (filePath: string, clientKey: string, onProgress?: (percent: number) => void) =>
  upload<Photo>('/api/uploads', filePath, { query: { purpose: 'ticket', clientKey }, onProgress })

/** A retry with the same clientKey returns the first ticket (replayed: true), never a second. */
export const submitTicket = (input: CreateTicketInput) => request<TicketReceipt>('/api/tickets', { method: 'POST', data: input })

export const fetchMyTickets = (query: { tab: MyTicketTab; cursor?: string; limit?: number }) =>
  request<MyTicketsPage>('/api/tickets/mine', { query })

export const fetchTicket = (id: number) => request<TicketDetail>(`/api/tickets/${id}`)

export const actOnTicket = (id: number, input: TicketActionInput) =>
  request<TicketDetail>(`/api/tickets/${id}/actions`, { method: 'POST', data: input })

export const ticketPageUrl = (id: number) => `/pages/ticket/index?id=${id}`
export const reportPageUrl = (kind: ReportKind) => `/pages/report/index?kind=${kind}`
