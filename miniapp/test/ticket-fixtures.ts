import type { Photo, TicketCategory, TicketDetail, TicketReceipt, TicketSummary } from '@anju/shared'

export const categories: TicketCategory[] = [
  {
    id: 1,
    kind: 'hazard',
    name: '消防安全',
    sortOrder: 10,
    active: true,
    routeTo: 'building_lead',
    alertDesk: true,
    acceptMinutes: 30,
    resolveMinutes: 1440,
    urgentAcceptMinutes: 10,
    urgentResolveMinutes: 240,
    warnAtPercent: 80,
  },
  {
    id: 4,
    kind: 'hazard',
    name: '燃气用电',
    sortOrder: 40,
    active: true,
    routeTo: 'building_lead',
    alertDesk: true,
    acceptMinutes: 30,
    resolveMinutes: 1440,
    urgentAcceptMinutes: 10,
    urgentResolveMinutes: 240,
    warnAtPercent: 80,
  },
]

export const disputeCategories: TicketCategory[] = [
  {
    id: 8,
    kind: 'dispute',
    name: '邻里纠纷',
    sortOrder: 10,
    active: true,
    routeTo: 'building_lead',
    alertDesk: false,
    acceptMinutes: 120,
    resolveMinutes: 4320,
    urgentAcceptMinutes: 30,
    urgentResolveMinutes: 1440,
    warnAtPercent: 80,
  },
]

export const photo = (id: number): Photo => ({ id, url: `/files/uploads/${id}.jpg`, width: 800, height: 600, review: 'pass' })

export function summary(overrides: Partial<TicketSummary> = {}): TicketSummary {
  return {
    id: 42,
    number: 'AJ20251123-000042',
    kind: 'hazard',
    categoryName: '消防安全',
    status: 'submitted',
    statusText: '待受理',
    urgent: false,
    title: '3号楼2单元楼道堆满杂物，堵住了消防通道',
    placeName: '幸福社区 3号楼',
    level: 'building',
    handler: { userId: 7, name: '王建国' },
    // 06:05 UTC is 14:05 in Beijing.
    createdAt: '2025-11-23T06:05:00.000Z',
    acceptDueAt: '2025-11-23T06:35:00.000Z',
    resolveDueAt: '2025-11-24T06:05:00.000Z',
    sla: 'ok',
    rating: null,
    ...overrides,
  }
}

export function detail(overrides: Partial<TicketDetail> = {}): TicketDetail {
  const base = summary(overrides)
  return {
    ...base,
    categoryId: 1,
    description: '3号楼2单元楼道堆满杂物，堵住了消防通道。\n已经一个多星期了。',
    photos: [photo(301)],
    locationText: '3号楼 · 幸福路 18 号',
    latitude: null,
    longitude: null,
    anonymous: false,
    reporter: null,
    resolution: null,
    rejectReason: null,
    ratingComment: null,
    acceptedAt: null,
    resolvedAt: null,
    closedAt: null,
    reopenUntil: null,
    deskName: '幸福路街道值班台',
    timeline: [
      {
        id: 1,
        action: 'submit',
        actionText: '提交',
        actorText: '居民',
        fromStatus: null,
        toStatus: 'submitted',
        note: '已提交，由楼长民警 王建国受理',
        visibility: 'public',
        photos: [],
        createdAt: '2025-11-23T06:05:00.000Z',
      },
    ],
    whistles: [],
    actions: ['withdraw', 'urge'],
    ...overrides,
  }
}

export function receipt(overrides: Partial<TicketReceipt['receipt']> = {}, replayed = false): TicketReceipt {
  return {
    ticket: detail(),
    receipt: {
      number: 'AJ20251123-000042',
      submittedAt: '2025-11-23T06:05:00.000Z',
      unitName: '青山分局幸福路派出所',
      officerName: '王建国',
      expectedAcceptBy: '2025-11-23T06:35:00.000Z',
      expectedResolveBy: '2025-11-24T06:05:00.000Z',
      ...overrides,
    },
    replayed,
  }
}
