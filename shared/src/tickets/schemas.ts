import { z } from 'zod'
import { idSchema, placeLevelSchema } from '../places'
import { phoneSchema } from '../officers'
import { optionalUserText, userText } from '../text'
import { TICKET_ACTIONS, TICKET_ACTORS, TICKET_STATUSES } from './machine'
import { clientKeySchema } from '../client-key'

export const TICKET_KINDS = ['hazard', 'dispute', 'consultation', 'legal_aid'] as const
export const ticketKindSchema = z.enum(TICKET_KINDS)
export type TicketKind = z.infer<typeof ticketKindSchema>
/** The kinds a resident reports from the 上报 page; consultations and legal aid have their own pages. */
export const REPORT_KINDS = ['hazard', 'dispute'] as const
export const reportKindSchema = z.enum(REPORT_KINDS)

export const TICKET_KIND_LABELS: Record<TicketKind, string> = {
  hazard: '隐患上报',
  dispute: '矛盾纠纷',
  consultation: '法律咨询',
  legal_aid: '法律援助申请',
}

export const ticketStatusSchema = z.enum(TICKET_STATUSES)
export const ticketActionSchema = z.enum(TICKET_ACTIONS)
export const ticketActorSchema = z.enum(TICKET_ACTORS)

export const MAX_TICKET_PHOTOS = 9
export const MAX_DESCRIPTION_LENGTH = 1000

/** Where a new ticket goes first: the building's lead officer (falling back to the duty desk), or the duty desk. */
export const ROUTING_TARGETS = ['building_lead', 'duty_desk'] as const

/** A category with its routing rule and SLA: data the district duty desk edits, not constants. */
export const ticketCategorySchema = z.object({
  id: z.number().int(),
  kind: reportKindSchema,
  name: z.string(),
  sortOrder: z.number().int(),
  active: z.boolean(),
  routeTo: z.enum(ROUTING_TARGETS),
  /** Also alert the duty desk at once (e.g. 燃气用电), whoever handles the ticket. */
  alertDesk: z.boolean(),
  acceptMinutes: z.number().int(),
  resolveMinutes: z.number().int(),
  urgentAcceptMinutes: z.number().int(),
  urgentResolveMinutes: z.number().int(),
  /** The pre-warning comes when this share of the time has passed. */
  warnAtPercent: z.number().int(),
})
export type TicketCategory = z.infer<typeof ticketCategorySchema>

const minutes = z
  .number()
  .int()
  .min(5, '时限至少 5 分钟')
  .max(60 * 24 * 90, '时限最长 90 天')
export const ticketCategoryInputSchema = z.object({
  kind: reportKindSchema,
  name: userText({ label: '分类名称', max: 20, maxMessage: '分类名称最多 20 个字' }),
  sortOrder: z.number().int().min(0).max(999).default(100),
  active: z.boolean().default(true),
  routeTo: z.enum(ROUTING_TARGETS).default('building_lead'),
  alertDesk: z.boolean().default(false),
  acceptMinutes: minutes,
  resolveMinutes: minutes,
  urgentAcceptMinutes: minutes,
  urgentResolveMinutes: minutes,
  warnAtPercent: z.number().int().min(50).max(95).default(80),
})
export type TicketCategoryInput = z.infer<typeof ticketCategoryInputSchema>
/** 新增分类: a retry with the same key answers with the category it made. */
export const createTicketCategorySchema = ticketCategoryInputSchema.extend({ clientKey: clientKeySchema })
export type CreateTicketCategoryInput = z.infer<typeof createTicketCategorySchema>

export const ticketLocationSchema = z.union([
  z.object({ type: z.literal('building'), buildingId: z.number().int().positive() }),
  z.object({
    type: z.literal('pin'),
    latitude: z.number().min(-90).max(90),
    longitude: z.number().min(-180).max(180),
    address: userText({ label: '位置', max: 120, emptyMessage: '请选择位置' }),
    /** The building the pin is near; routing needs a place. Defaults to the resident's own building. */
    buildingId: z.number().int().positive().optional(),
  }),
])
export type TicketLocation = z.infer<typeof ticketLocationSchema>

export const SUBSCRIBE_EVENTS = ['accepted', 'resolved', 'escalated'] as const
export const subscribeEventSchema = z.enum(SUBSCRIBE_EVENTS)
export type SubscribeEvent = z.infer<typeof subscribeEventSchema>

export const createTicketSchema = z.object({
  /** A UUID the app makes once per draft: a retried submit returns the same ticket, never a second. */
  clientKey: z.uuid('提交编号格式不正确'),
  kind: reportKindSchema,
  categoryId: z.number().int().positive(),
  description: userText({
    label: '描述',
    multiline: true,
    max: MAX_DESCRIPTION_LENGTH,
    emptyMessage: '请描述情况',
    maxMessage: `描述最多 ${MAX_DESCRIPTION_LENGTH} 字`,
  }),
  photoIds: z.array(z.number().int().positive()).max(MAX_TICKET_PHOTOS, `最多上传 ${MAX_TICKET_PHOTOS} 张照片`).default([]),
  location: ticketLocationSchema,
  contactPhone: phoneSchema.nullable().optional(),
  anonymous: z.boolean().default(false),
  /** The resident saw the 110 prompt and chose to submit anyway. */
  emergencyAcknowledged: z.boolean().default(false),
  /** The subscribe-message events the resident accepted in `requestSubscribeMessage`. */
  subscribed: z.array(subscribeEventSchema).max(3).default([]),
})
export type CreateTicketInput = z.input<typeof createTicketSchema>

export const photoSchema = z.object({
  id: z.number().int(),
  url: z.string(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  /** pending/pass: shown; held: the content check flagged it, only the uploader and handling staff see it. */
  review: z.enum(['pending', 'pass', 'held']),
})
export type Photo = z.infer<typeof photoSchema>

export const personRefSchema = z.object({ userId: z.number().int(), name: z.string() })
export type PersonRef = z.infer<typeof personRefSchema>

export const ticketSummarySchema = z.object({
  id: z.number().int(),
  number: z.string(),
  kind: ticketKindSchema,
  categoryName: z.string(),
  status: ticketStatusSchema,
  statusText: z.string(),
  urgent: z.boolean(),
  /** First line of the description. */
  title: z.string(),
  placeName: z.string(),
  level: placeLevelSchema,
  handler: personRefSchema.nullable(),
  createdAt: z.string(),
  acceptDueAt: z.string(),
  resolveDueAt: z.string(),
  /** ok, warning (pre-warned) or overdue, against the deadline that applies now. */
  sla: z.enum(['ok', 'warning', 'overdue']),
  rating: z.enum(['satisfied', 'basically_satisfied', 'dissatisfied']).nullable(),
})
export type TicketSummary = z.infer<typeof ticketSummarySchema>

export const RATINGS = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const
export const RATING_LABELS: Record<(typeof RATINGS)[number], string> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  dissatisfied: '不满意',
}

export const ticketEventSchema = z.object({
  id: z.number().int(),
  action: z.union([ticketActionSchema, z.literal('submit')]),
  actionText: z.string(),
  /** "楼长民警 张伟", "值班台", "系统", "居民" — never a resident's name to staff when anonymous. */
  actorText: z.string(),
  fromStatus: ticketStatusSchema.nullable(),
  toStatus: ticketStatusSchema.nullable(),
  note: z.string().nullable(),
  visibility: z.enum(['public', 'internal']),
  photos: z.array(photoSchema),
  createdAt: z.string(),
})
export type TicketEvent = z.infer<typeof ticketEventSchema>

export const whistleSchema = z.object({
  id: z.number().int(),
  department: z.string(),
  note: z.string().nullable(),
  status: z.enum(['called', 'reported', 'responded']),
  calledAt: z.string(),
  reportedAt: z.string().nullable(),
  response: z.string().nullable(),
  respondedAt: z.string().nullable(),
})
export type Whistle = z.infer<typeof whistleSchema>

export const ticketDetailSchema = ticketSummarySchema.extend({
  categoryId: z.number().int(),
  description: z.string(),
  photos: z.array(photoSchema),
  locationText: z.string(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  anonymous: z.boolean(),
  /** Only the handling officer and the duty desk see who reported (anonymous or not) and the contact phone, to call back. */
  reporter: z.object({ name: z.string(), phone: z.string().nullable() }).nullable(),
  resolution: z.string().nullable(),
  rejectReason: z.string().nullable(),
  ratingComment: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** Until when the resident may still reopen (resolved tickets only). */
  reopenUntil: z.string().nullable(),
  deskName: z.string().nullable(),
  timeline: z.array(ticketEventSchema),
  whistles: z.array(whistleSchema),
  /** What the caller may do now (from the state machine and their relation to the ticket). */
  actions: z.array(ticketActionSchema),
})
export type TicketDetail = z.infer<typeof ticketDetailSchema>

/** The electronic receipt (电子回执) shown on submit. */
export const ticketReceiptSchema = z.object({
  ticket: ticketDetailSchema,
  receipt: z.object({
    number: z.string(),
    submittedAt: z.string(),
    unitName: z.string(),
    officerName: z.string().nullable(),
    expectedAcceptBy: z.string(),
    expectedResolveBy: z.string(),
  }),
  /** true when this was a retry of an earlier submit: the same ticket comes back. */
  replayed: z.boolean(),
})
export type TicketReceipt = z.infer<typeof ticketReceiptSchema>

const reason = (message: string) => userText({ label: '内容', multiline: true, max: 500, emptyMessage: message, maxMessage: '最多 500 字' })
/** A note beside an action: may be left out or empty. */
const optionalNote = (max = 500) => optionalUserText({ label: '备注', multiline: true, max, maxMessage: `最多 ${max} 字` })
const photoIds = z.array(z.number().int().positive()).max(MAX_TICKET_PHOTOS, `最多上传 ${MAX_TICKET_PHOTOS} 张照片`).default([])

/** Every action carries the key of its tap: a replay is answered with the ticket as it is now, written once. */
const keyed = <T extends z.ZodRawShape>(shape: T) => z.object({ clientKey: clientKeySchema, ...shape })

/** The body of POST /api/tickets/:id/actions, one shape per action. */
export const ticketActionInputSchema = z.discriminatedUnion('action', [
  keyed({ action: z.literal('accept'), note: optionalNote() }),
  keyed({ action: z.literal('start'), note: optionalNote() }),
  keyed({ action: z.literal('resolve'), result: reason('请填写办理结果'), photoIds }),
  keyed({ action: z.literal('reject'), reason: reason('请填写不予受理的原因') }),
  keyed({ action: z.literal('withdraw'), reason: optionalNote() }),
  keyed({ action: z.literal('reopen'), reason: reason('请说明需要重新办理的原因') }),
  keyed({ action: z.literal('rate'), rating: z.enum(RATINGS), comment: optionalNote() }),
  keyed({ action: z.literal('assign'), officerUserId: z.number().int().positive(), note: optionalNote() }),
  keyed({ action: z.literal('transfer'), officerUserId: z.number().int().positive(), reason: reason('请填写流转原因') }),
  keyed({ action: z.literal('escalate'), reason: reason('请填写升级原因') }),
  keyed({ action: z.literal('note'), text: reason('请填写内容'), visibility: z.enum(['public', 'internal']), photoIds }),
  keyed({
    action: z.literal('follow_up'),
    outcome: z.enum(['reached', 'unreachable']),
    note: optionalNote(),
  }),
  keyed({ action: z.literal('whistle'), departmentId: z.number().int().positive(), note: optionalNote() }),
  keyed({
    action: z.literal('report_in'),
    whistleId: z.number().int().positive(),
    /** Empty: the department reported in (报到); with text: its response. */
    response: optionalNote(),
  }),
  keyed({ action: z.literal('urge'), note: optionalNote(200) }),
])
export type TicketActionInput = z.input<typeof ticketActionInputSchema>

export const WORKBENCH_TABS = ['pending', 'active', 'warning', 'overdue', 'done', 'all'] as const
export const WORKBENCH_TAB_LABELS: Record<(typeof WORKBENCH_TABS)[number], string> = {
  pending: '待受理',
  active: '处理中',
  warning: '即将超时',
  overdue: '已超时',
  done: '已办结',
  all: '全部',
}
export const workbenchQuerySchema = z.object({
  tab: z.enum(WORKBENCH_TABS).default('pending'),
  /** mine: tickets assigned to me; scope: everything in my place scope (duty desk). */
  view: z.enum(['mine', 'scope']).default('mine'),
  categoryId: idSchema.optional(),
  placeId: idSchema.optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  cursor: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
})
export type WorkbenchQuery = z.input<typeof workbenchQuerySchema>

export const workbenchPageSchema = z.object({
  items: z.array(ticketSummarySchema),
  nextCursor: z.string().nullable(),
  /** Open work only: counting every finished ticket would make each page cost as much as the archive. */
  counts: z.object({ pending: z.number().int(), active: z.number().int(), warning: z.number().int(), overdue: z.number().int() }),
})
export type WorkbenchPage = z.infer<typeof workbenchPageSchema>

export const MY_TICKET_TABS = ['open', 'resolved', 'closed', 'all'] as const
export const MY_TICKET_TAB_LABELS: Record<(typeof MY_TICKET_TABS)[number], string> = {
  open: '办理中',
  resolved: '待评价',
  closed: '已完结',
  all: '全部',
}
export const myTicketsQuerySchema = z.object({
  tab: z.enum(MY_TICKET_TABS).default('all'),
  cursor: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
})

export const myTicketsPageSchema = z.object({ items: z.array(ticketSummarySchema), nextCursor: z.string().nullable() })

export const statsQuerySchema = z.object({
  placeId: idSchema.optional(),
  from: z.iso.date(),
  to: z.iso.date(),
})
export type StatsQuery = z.infer<typeof statsQuerySchema>

const statsRowSchema = z.object({
  key: z.string(),
  label: z.string(),
  count: z.number().int(),
  closed: z.number().int(),
  avgAcceptMinutes: z.number().nullable(),
  avgResolveMinutes: z.number().nullable(),
  /** Share of tickets accepted and resolved within their deadlines, 0..1; null when none finished. */
  onTimeRate: z.number().nullable(),
  /** (满意 + 基本满意) / rated, 0..1; null when none rated. */
  satisfactionRate: z.number().nullable(),
  rated: z.number().int(),
})
export type StatsRow = z.infer<typeof statsRowSchema>

export const statsSchema = z.object({
  scope: z.object({ id: z.number().int(), name: z.string(), level: placeLevelSchema }),
  from: z.string(),
  to: z.string(),
  total: statsRowSchema,
  byCategory: z.array(statsRowSchema),
  byPlace: z.array(statsRowSchema),
  byDay: z.array(z.object({ day: z.string(), count: z.number().int() })),
})
export type TicketStats = z.infer<typeof statsSchema>

export const departmentSchema = z.object({ id: z.number().int(), name: z.string(), phone: z.string().nullable() })
export type Department = z.infer<typeof departmentSchema>

export const DESK_ALERT_KINDS = ['urgent', 'category', 'sla_warning', 'sla_breach', 'escalated', 'dissatisfied', 'urged'] as const
export const DESK_ALERT_LABELS: Record<(typeof DESK_ALERT_KINDS)[number], string> = {
  urgent: '紧急',
  category: '重点类别',
  sla_warning: '即将超时',
  sla_breach: '已超时',
  escalated: '已升级',
  dissatisfied: '群众不满意',
  urged: '居民催办',
}
export const deskAlertSchema = z.object({
  id: z.number().int(),
  kind: z.enum(DESK_ALERT_KINDS),
  ticket: ticketSummarySchema,
  createdAt: z.string(),
})
export type DeskAlert = z.infer<typeof deskAlertSchema>
