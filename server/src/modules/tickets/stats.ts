import type { SelectQueryBuilder } from 'typeorm'
import type { PlaceLevel, StatsQuery, StatsRow, TicketStats } from '@anju/shared'
import { BEIJING_UTC_OFFSET_HOURS, beijingDayRange, PLACE_LEVEL_LABELS, PLACE_LEVELS } from '@anju/shared'
import type { AppContext } from '../../context'
import { AppError, notFound } from '../../errors/app-error'
import { csvLine } from '../../lib/csv'
import type { AuthUser } from '../../middleware/auth'
import { reaches, staffReach } from '../officers'
import { anyDistrict, findPlace, findPlaces } from '../places'
import { Ticket, TicketCategoryRow } from './entities'
import { ticketScopeColumn } from './queries'

/** The ticket column of the places one level below a scope, which make the "by place" rows; a building's tickets are its own. */
function childColumn(level: PlaceLevel): string {
  const below = PLACE_LEVELS[PLACE_LEVELS.indexOf(level) + 1]
  return below === undefined || below === 'unit' ? 'placeId' : ticketScopeColumn(below)
}

interface RawRow {
  k: string | number | null
  n: string | number
  closed: string | number
  acc: string | number | null
  res: string | number | null
  ontime: string | number | null
  timed: string | number | null
  good: string | number | null
  rated: string | number | null
}

/** SQL for "minutes between two datetime columns", per dialect. */
function minutesBetween(app: AppContext, from: string, to: string): string {
  return app.ds.options.type === 'better-sqlite3'
    ? `(julianday(${to}) - julianday(${from})) * 1440`
    : `TIMESTAMPDIFF(SECOND, ${from}, ${to}) / 60`
}

function beijingDay(app: AppContext, column: string): string {
  const hours = BEIJING_UTC_OFFSET_HOURS
  return app.ds.options.type === 'better-sqlite3'
    ? `date(${column}, '+${hours} hours')`
    : `DATE(DATE_ADD(${column}, INTERVAL ${hours} HOUR))`
}

function aggregate(app: AppContext, qb: SelectQueryBuilder<Ticket>, key: string | null): SelectQueryBuilder<Ticket> {
  qb.select(key ?? 'NULL', 'k')
    .addSelect('COUNT(*)', 'n')
    .addSelect("SUM(CASE WHEN t.stage = 'done' THEN 1 ELSE 0 END)", 'closed')
    .addSelect(`AVG(CASE WHEN t.acceptedAt IS NOT NULL THEN ${minutesBetween(app, 't.createdAt', 't.acceptedAt')} END)`, 'acc')
    .addSelect(`AVG(CASE WHEN t.resolvedAt IS NOT NULL THEN ${minutesBetween(app, 't.createdAt', 't.resolvedAt')} END)`, 'res')
    .addSelect('SUM(CASE WHEN t.onTime = 1 THEN 1 ELSE 0 END)', 'ontime')
    .addSelect('SUM(CASE WHEN t.onTime IS NOT NULL THEN 1 ELSE 0 END)', 'timed')
    .addSelect("SUM(CASE WHEN t.rating IN ('satisfied', 'basically_satisfied') THEN 1 ELSE 0 END)", 'good')
    .addSelect('SUM(CASE WHEN t.rating IS NOT NULL THEN 1 ELSE 0 END)', 'rated')
  if (key) qb.groupBy(key)
  return qb
}

const num = (v: string | number | null) => (v === null ? null : Number(v))
const ratio = (a: string | number | null, b: string | number | null) => (Number(b ?? 0) > 0 ? Number(a ?? 0) / Number(b) : null)
const round1 = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10)

function toRow(raw: RawRow, key: string, label: string): StatsRow {
  return {
    key,
    label,
    count: Number(raw.n),
    closed: Number(raw.closed ?? 0),
    avgAcceptMinutes: round1(num(raw.acc)),
    avgResolveMinutes: round1(num(raw.res)),
    onTimeRate: ratio(raw.ontime, raw.timed),
    satisfactionRate: ratio(raw.good, raw.rated),
    rated: Number(raw.rated ?? 0),
  }
}

/** 统计: volume, time to accept and resolve, on-time rate and 满意率 in a place scope over Beijing days. */
export async function ticketStats(app: AppContext, user: AuthUser, q: StatsQuery): Promise<TicketStats> {
  const em = app.ds.manager
  // Fails closed: staff whose scope place is unset or gone get no statistics; an admin without one, any place's.
  const reach = await staffReach(em, user.id)
  if (reach === null) throw new AppError(409, 'conflict', '您的账号尚未设置管辖范围')
  const scope = q.placeId ? await findPlace(em, q.placeId) : reach === 'all' ? await anyDistrict(em) : reach
  if (!scope || !reaches(reach, scope)) throw notFound('地点')
  if (q.from > q.to) throw new AppError(400, 'validation_failed', '开始日期不能晚于结束日期')
  const { start, end } = beijingDayRange(q.from, q.to)
  const base = () =>
    em
      .createQueryBuilder(Ticket, 't')
      .where(`t.${ticketScopeColumn(scope.level)} = :scopeId`, { scopeId: scope.id })
      .andWhere('t.createdAt >= :start AND t.createdAt < :end', { start, end })
  const child = childColumn(scope.level)
  const [total, byCategory, byPlace, byDay] = await Promise.all([
    aggregate(app, base(), null).getRawOne<RawRow>(),
    aggregate(app, base(), 't.categoryId').getRawMany<RawRow>(),
    aggregate(app, base(), `t.${child}`).getRawMany<RawRow>(),
    base()
      .select(beijingDay(app, 't.createdAt'), 'day')
      .addSelect('COUNT(*)', 'n')
      .groupBy('day')
      .orderBy('day')
      .getRawMany<{ day: string | Date; n: string | number }>(),
  ])
  const [categories, places] = await Promise.all([
    em.find(TicketCategoryRow),
    findPlaces(
      em,
      byPlace.map((r) => Number(r.k)),
    ),
  ])
  const categoryName = new Map(categories.map((c) => [c.id, `${c.kind === 'hazard' ? '隐患' : '纠纷'}·${c.name}`]))
  const placeName = new Map(places.map((p) => [p.id, p.name]))
  const sortByCount = (a: StatsRow, b: StatsRow) => b.count - a.count || a.label.localeCompare(b.label)
  return {
    scope: { id: scope.id, name: scope.name, level: scope.level },
    from: q.from,
    to: q.to,
    total: toRow(total ?? ({ n: 0 } as RawRow), 'total', `${scope.name}（${PLACE_LEVEL_LABELS[scope.level]}）`),
    byCategory: byCategory.map((r) => toRow(r, String(r.k), categoryName.get(Number(r.k)) ?? '已删除的分类')).sort(sortByCount),
    byPlace: byPlace.map((r) => toRow(r, String(r.k), placeName.get(Number(r.k)) ?? '未划分')).sort(sortByCount),
    byDay: byDay.map((r) => ({
      day: typeof r.day === 'string' ? r.day.slice(0, 10) : new Date(r.day).toISOString().slice(0, 10),
      count: Number(r.n),
    })),
  }
}

const CSV_HEADER = ['分组', '名称', '受理量', '已办结', '平均受理时长(分钟)', '平均办结时长(分钟)', '按时办结率', '评价数', '满意率']

/** The same figures as CSV, with a BOM so Excel reads the Chinese correctly. */
export function statsCsv(stats: TicketStats): string {
  const pct = (v: number | null) => (v === null ? '' : `${(v * 100).toFixed(1)}%`)
  const line = (group: string, r: StatsRow) =>
    csvLine([
      group,
      r.label,
      r.count,
      r.closed,
      r.avgAcceptMinutes,
      r.avgResolveMinutes,
      pct(r.onTimeRate),
      r.rated,
      pct(r.satisfactionRate),
    ])
  const lines = [
    csvLine(CSV_HEADER),
    line('合计', stats.total),
    ...stats.byCategory.map((r) => line('按类别', r)),
    ...stats.byPlace.map((r) => line('按地区', r)),
  ]
  return '\uFEFF' + lines.join('\r\n') + '\r\n'
}
