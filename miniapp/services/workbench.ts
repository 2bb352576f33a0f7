import type {
  DeskAlert,
  Department,
  StatsQuery,
  TicketCategory,
  TicketCategoryInput,
  CreateTicketCategoryInput,
  TicketStats,
  WorkbenchPage,
  WORKBENCH_TABS,
} from '@anju/shared'
import { request } from './request'

/** The staff side of tickets: workbench, duty-desk alerts, statistics, categories (ticket detail and actions: services/tickets). */

export type WorkbenchTab = (typeof WORKBENCH_TABS)[number]

export interface Assignee {
  userId: number
  name: string
  policeNumber: string
  onDuty: boolean
  buildings: number
}

export interface WorkbenchQuery {
  tab: WorkbenchTab
  view?: 'mine' | 'scope'
  categoryId?: number
  placeId?: number
  /** Beijing dates, YYYY-MM-DD. */
  from?: string
  to?: string
  cursor?: string
  limit?: number
}

export const fetchWorkbench = (query: WorkbenchQuery) => request<WorkbenchPage>('/api/workbench', { query: { ...query } })

export const listAssignees = (ticketId: number) => request<{ items: Assignee[] }>(`/api/tickets/${ticketId}/assignees`)

export const listDepartments = () => request<{ items: Department[] }>('/api/departments')

export const listDeskAlerts = () => request<{ items: DeskAlert[]; unacknowledged: number }>('/api/desk/alerts')

export const acknowledgeDeskAlert = (id: number) => request<null>(`/api/desk/alerts/${id}/ack`, { method: 'POST', data: {} })

export const fetchStats = (query: Partial<StatsQuery> & Pick<StatsQuery, 'from' | 'to'>) => request<TicketStats>('/api/stats', { query })

export const listTicketCategories = () => request<{ items: TicketCategory[] }>('/api/ticket-categories', { query: { all: 1 } })

/** A retry with the same clientKey answers with the category the first made. */
export const createTicketCategory = (input: CreateTicketCategoryInput) =>
  request<TicketCategory>('/api/ticket-categories', { method: 'POST', data: input })

export const updateTicketCategory = (id: number, input: TicketCategoryInput) =>
  request<TicketCategory>(`/api/ticket-categories/${id}`, { method: 'PUT', data: input })

/**
 * The home tiles switch to the 工单 tab, and switchTab carries no query: the tile leaves the
 * tab it wants here and the workbench takes it when it shows.
 */
let requestedTab: WorkbenchTab | null = null
export function requestWorkbenchTab(tab: WorkbenchTab): void {
  requestedTab = tab
}
export function takeRequestedWorkbenchTab(): WorkbenchTab | null {
  const tab = requestedTab
  requestedTab = null
  return tab
}
