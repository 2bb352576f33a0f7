import { ticketCategoryInputSchema, type Me, type TicketCategory, type TicketCategoryInput } from '@anju/shared'
import { fieldErrors } from '../../utils/form'

/** Categories, routing and SLAs are city-wide: a district's duty desk or an admin edits them. */
export const mayEditCategories = (me: Me | null) =>
  me?.user.role === 'admin' || (me?.user.role === 'dispatcher' && me.scope?.level === 'district')

export const TIME_UNITS = [
  { label: '分钟', minutes: 1 },
  { label: '小时', minutes: 60 },
  { label: '天', minutes: 24 * 60 },
] as const

/** A time limit as typed: a number and a unit. */
export interface Span {
  amount: string
  unit: number
}

export const SPAN_FIELDS = ['acceptMinutes', 'resolveMinutes', 'urgentAcceptMinutes', 'urgentResolveMinutes'] as const
export type SpanField = (typeof SPAN_FIELDS)[number]

export const SPAN_LABELS: Record<SpanField, string> = {
  acceptMinutes: '受理时限',
  resolveMinutes: '办结时限',
  urgentAcceptMinutes: '紧急工单受理时限',
  urgentResolveMinutes: '紧急工单办结时限',
}

export interface CategoryDraft extends Record<SpanField, Span> {
  kind: TicketCategoryInput['kind']
  name: string
  sortOrder: string
  active: boolean
  routeTo: NonNullable<TicketCategoryInput['routeTo']>
  alertDesk: boolean
  warnAtPercent: string
}

/** The largest unit that states the minutes exactly: 1440 → 1 天, 90 → 90 分钟. */
export function toSpan(minutes: number): Span {
  for (let unit = TIME_UNITS.length - 1; unit >= 0; unit--) {
    const size = TIME_UNITS[unit]!.minutes
    if (minutes % size === 0) return { amount: String(minutes / size), unit }
  }
  return { amount: String(minutes), unit: 0 }
}

export function toMinutes(span: Span): number {
  const amount = span.amount.trim() === '' ? Number.NaN : Number(span.amount)
  return Math.round(amount * (TIME_UNITS[span.unit]?.minutes ?? 1))
}

export function draftOf(category: TicketCategory | null): CategoryDraft {
  const c = category ?? {
    kind: 'hazard' as const,
    name: '',
    sortOrder: 100,
    active: true,
    routeTo: 'building_lead' as const,
    alertDesk: false,
    acceptMinutes: 120,
    resolveMinutes: 3 * 24 * 60,
    urgentAcceptMinutes: 30,
    urgentResolveMinutes: 24 * 60,
    warnAtPercent: 80,
  }
  return {
    kind: c.kind,
    name: c.name,
    sortOrder: String(c.sortOrder),
    active: c.active,
    routeTo: c.routeTo,
    alertDesk: c.alertDesk,
    acceptMinutes: toSpan(c.acceptMinutes),
    resolveMinutes: toSpan(c.resolveMinutes),
    urgentAcceptMinutes: toSpan(c.urgentAcceptMinutes),
    urgentResolveMinutes: toSpan(c.urgentResolveMinutes),
    warnAtPercent: String(c.warnAtPercent),
  }
}

type Field = keyof CategoryDraft
export type CategoryCheck = { ok: true; input: TicketCategoryInput } | { ok: false; errors: Partial<Record<Field, string>> }

const FALLBACKS: Record<Field, string> = {
  kind: '请选择类型',
  name: '请填写分类名称',
  sortOrder: '排序请填 0–999 的整数',
  active: '请选择是否启用',
  routeTo: '请选择先派给谁',
  alertDesk: '请选择是否提醒值班台',
  acceptMinutes: '请填写受理时限',
  resolveMinutes: '请填写办结时限',
  urgentAcceptMinutes: '请填写紧急工单受理时限',
  urgentResolveMinutes: '请填写紧急工单办结时限',
  warnAtPercent: '预警比例请填 50–95 的整数',
}

/**
 * The form → the body of POST/PUT /api/ticket-categories: the shared schema first, then the
 * rules between the limits the server also enforces (办结 ≥ 受理; 紧急 ≤ 普通).
 */
export function checkCategory(d: CategoryDraft): CategoryCheck {
  const candidate = {
    kind: d.kind,
    name: d.name,
    sortOrder: d.sortOrder.trim() === '' ? Number.NaN : Number(d.sortOrder),
    active: d.active,
    routeTo: d.routeTo,
    alertDesk: d.alertDesk,
    acceptMinutes: toMinutes(d.acceptMinutes),
    resolveMinutes: toMinutes(d.resolveMinutes),
    urgentAcceptMinutes: toMinutes(d.urgentAcceptMinutes),
    urgentResolveMinutes: toMinutes(d.urgentResolveMinutes),
    warnAtPercent: d.warnAtPercent.trim() === '' ? Number.NaN : Number(d.warnAtPercent),
  }
  const parsed = ticketCategoryInputSchema.safeParse(candidate)
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error, FALLBACKS) }
  const v = parsed.data
  const errors: Partial<Record<Field, string>> = {}
  if (v.resolveMinutes < v.acceptMinutes) errors.resolveMinutes = '办结时限不能短于受理时限'
  if (v.urgentResolveMinutes < v.urgentAcceptMinutes) errors.urgentResolveMinutes = '办结时限不能短于受理时限'
  if (v.urgentAcceptMinutes > v.acceptMinutes) errors.urgentAcceptMinutes = '紧急工单的时限不能长于普通工单'
  if (v.urgentResolveMinutes > v.resolveMinutes) errors.urgentResolveMinutes ??= '紧急工单的时限不能长于普通工单'
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, input: v }
}
