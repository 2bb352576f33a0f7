import type { TicketDetail, TicketSummary, TokenPair } from '@anju/shared'

/** Tickets and staff sessions for the staff-side component tests. */
export const officerPair: TokenPair = {
  accessToken: 'access-officer',
  refreshToken: 'refresh-officer-0123456789abcdef',
  expiresIn: 900,
  user: { id: 7, role: 'officer', name: '王建国' },
}

export const dispatcherPair: TokenPair = {
  accessToken: 'access-desk',
  refreshToken: 'refresh-desk-0123456789abcdef0',
  expiresIn: 900,
  user: { id: 9, role: 'dispatcher', name: '值班员小刘' },
}

const HOUR = 3600_000

export function summary(id: number, patch: Partial<TicketSummary> = {}): TicketSummary {
  const now = Date.now()
  return {
    id,
    number: `GD20251125${String(id).padStart(4, '0')}`,
    kind: 'hazard',
    categoryName: '消防通道堵塞',
    status: 'submitted',
    statusText: '待受理',
    urgent: false,
    title: `3号楼楼道堆放杂物 ${id}`,
    placeName: '幸福社区 3号楼',
    level: 'building',
    handler: { userId: 7, name: '王建国' },
    createdAt: new Date(now - HOUR).toISOString(),
    acceptDueAt: new Date(now + 2 * HOUR + 10 * 60_000).toISOString(),
    resolveDueAt: new Date(now + 48 * HOUR).toISOString(),
    sla: 'ok',
    rating: null,
    ...patch,
  }
}

export function detail(patch: Partial<TicketDetail> = {}): TicketDetail {
  return {
    ...summary(41, { status: 'accepted', statusText: '已受理' }),
    categoryId: 3,
    description: '3号楼2单元楼道堆放纸箱，堵住消防通道',
    photos: [],
    locationText: '幸福社区 3号楼',
    latitude: null,
    longitude: null,
    anonymous: false,
    reporter: { name: '李阿姨', phone: '138****0005' },
    resolution: null,
    rejectReason: null,
    ratingComment: null,
    acceptedAt: new Date().toISOString(),
    resolvedAt: null,
    closedAt: null,
    reopenUntil: null,
    deskName: '幸福路街道值班台',
    timeline: [],
    whistles: [],
    actions: ['start', 'resolve', 'transfer', 'escalate', 'note'],
    ...patch,
  }
}
