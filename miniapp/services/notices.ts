import type { CreateNoticeInput, Notice, NoticesPage } from '@anju/shared'
import { request } from './request'

/** 社区通知: the officer as 宣传员 posts, residents of the chosen buildings read. */

export const NOTICE_COMPOSE_PAGE = '/pages/notice-compose/index'

/** Residents: the notices to their building, with `read`. Staff: the ones they posted, with `reach`. */
export const fetchNotices = (query: { cursor?: number; limit?: number } = {}) => request<NoticesPage>('/api/notices', { query })

/** A retry with the same clientId returns the first notice. */
export const postNotice = (input: CreateNoticeInput) => request<Notice>('/api/notices', { method: 'POST', data: input })

export const markNoticeRead = (id: number) => request<null>(`/api/notices/${id}/read`, { method: 'POST', data: {} })
