import { In, type EntityManager } from 'typeorm'
import type { Notice as NoticeView, NoticesPage, createNoticeSchema, noticesQuerySchema } from '@anju/shared'
import type { z } from 'zod'
import type { AppContext } from '../../context'
import { isUniqueViolation } from '../../db/errors'
import { AppError, forbidden, notFound } from '../../errors/app-error'
import type { AuthUser } from '../../middleware/auth'
import { recordAudit } from '../audit'
import { buildingsLedBy } from '../officers'
import { buildingIdsWithin } from '../places'
import { countResidents, residenceOf, userNames } from '../users'
import { deskScopeOf } from './access'
import { wholeSeconds } from './append'
import { Notice, NoticeBuilding, NoticeRead } from './entities'
import { buildingTopic } from './topics'

/** A resident sees notices of the last 90 days: older ones are neither listed nor counted as unread. */
const NOTICE_DAYS = 90

/** The buildings a staff member may post to: the ones an officer leads, the ones in a desk's scope. */
async function postableBuildings(em: EntityManager, user: AuthUser): Promise<number[]> {
  if (user.role === 'officer') return buildingsLedBy(em, user.id)
  const scope = await deskScopeOf(em, user)
  if (!scope) throw forbidden('您的账号尚未设置管辖范围')
  return buildingIdsWithin(em, scope)
}

/** 发布通知: to some or all of the author's buildings. A retried post returns the first notice. */
export async function createNotice(app: AppContext, user: AuthUser, input: z.output<typeof createNoticeSchema>): Promise<NoticeView> {
  const em = app.ds.manager
  const prior = await em.findOneBy(Notice, { authorUserId: user.id, clientId: input.clientId })
  if (prior) return (await toNotices(em, [prior], null))[0]!
  const allowed = await postableBuildings(em, user)
  const buildingIds = input.buildingIds === 'all' ? allowed : [...new Set(input.buildingIds)]
  if (buildingIds.length === 0) throw new AppError(400, 'validation_failed', '您名下没有可发布通知的楼栋', { field: 'buildingIds' })
  const allowedSet = new Set(allowed)
  if (buildingIds.some((id) => !allowedSet.has(id)))
    throw new AppError(400, 'validation_failed', '只能向您负责的楼栋发布通知', { field: 'buildingIds' })
  const residentCount = await countResidents(em, buildingIds)
  let notice: Notice
  try {
    notice = await app.ds.transaction(async (tx) => {
      const row = tx.create(Notice, {
        authorUserId: user.id,
        clientId: input.clientId,
        kind: input.kind,
        title: input.title,
        body: input.body,
        buildingCount: buildingIds.length,
        residentCount,
        readCount: 0,
        createdAt: wholeSeconds(app.now()),
      })
      await tx.insert(Notice, row)
      for (let i = 0; i < buildingIds.length; i += 500) {
        await tx.insert(
          NoticeBuilding,
          buildingIds.slice(i, i + 500).map((buildingId) => ({ noticeId: row.id, buildingId })),
        )
      }
      await recordAudit(tx, {
        actorUserId: user.id,
        action: 'notice.create',
        targetType: 'notice',
        targetId: row.id,
        detail: { kind: input.kind, buildings: buildingIds.length },
      })
      return row
    })
  } catch (err) {
    const raced = isUniqueViolation(err) ? await em.findOneBy(Notice, { authorUserId: user.id, clientId: input.clientId }) : null
    if (raced) return (await toNotices(em, [raced], null))[0]!
    throw err
  }
  const [forResidents] = await toNotices(em, [notice], new Set())
  await app.realtime.publish(buildingIds.map(buildingTopic), { type: 'notice', notice: forResidents! })
  return (await toNotices(em, [notice], null))[0]!
}

/** Residents: the notices to their building, newest first. Staff: the ones they posted, with reach. */
export async function listNotices(app: AppContext, user: AuthUser, query: z.output<typeof noticesQuerySchema>): Promise<NoticesPage> {
  const em = app.ds.manager
  const qb = em.createQueryBuilder(Notice, 'n')
  if (user.role === 'resident') {
    const residence = await residenceOf(em, user.id)
    if (!residence) return { items: [], nextCursor: null }
    qb.innerJoin(NoticeBuilding, 'nb', 'nb.noticeId = n.id AND nb.buildingId = :b', { b: residence.buildingId }).andWhere(
      'n.createdAt > :since',
      { since: sinceDate(app) },
    )
  } else {
    qb.where('n.authorUserId = :me', { me: user.id })
  }
  if (query.cursor) qb.andWhere('n.id < :cursor', { cursor: query.cursor })
  const rows = await qb
    .orderBy('n.id', 'DESC')
    .take(query.limit + 1)
    .getMany()
  const page = rows.slice(0, query.limit)
  const reads =
    user.role === 'resident'
      ? await readSet(
          em,
          user.id,
          page.map((n) => n.id),
        )
      : null
  return { items: await toNotices(em, page, reads), nextCursor: rows.length > query.limit ? page[page.length - 1]!.id : null }
}

/** A resident opened a notice. Counted once per resident, whoever asks how many times. */
export async function readNotice(app: AppContext, user: AuthUser, id: number): Promise<void> {
  const em = app.ds.manager
  const residence = await residenceOf(em, user.id)
  if (!residence || !(await em.existsBy(NoticeBuilding, { noticeId: id, buildingId: residence.buildingId }))) throw notFound('通知')
  if (await em.existsBy(NoticeRead, { noticeId: id, userId: user.id })) return
  try {
    await app.ds.transaction(async (tx) => {
      await tx.insert(NoticeRead, { noticeId: id, userId: user.id, readAt: wholeSeconds(app.now()) })
      await tx
        .createQueryBuilder()
        .update(Notice)
        .set({ readCount: () => 'readCount + 1' })
        .where('id = :id', { id })
        .execute()
    })
  } catch (err) {
    if (!isUniqueViolation(err)) throw err
  }
}

export async function unreadNotices(app: AppContext, user: AuthUser): Promise<number> {
  const em = app.ds.manager
  const residence = await residenceOf(em, user.id)
  if (!residence) return 0
  return em
    .createQueryBuilder(NoticeBuilding, 'nb')
    .innerJoin(Notice, 'n', 'n.id = nb.noticeId')
    .leftJoin(NoticeRead, 'r', 'r.noticeId = nb.noticeId AND r.userId = :me', { me: user.id })
    .where('nb.buildingId = :b', { b: residence.buildingId })
    .andWhere('n.createdAt > :since', { since: sinceDate(app) })
    .andWhere('r.userId IS NULL')
    .getCount()
}

/** Whether any notice was ever posted: the demo posts its own only into an empty district. */
export const noticesExist = (em: EntityManager): Promise<boolean> => em.exists(Notice)

const sinceDate = (app: AppContext) => new Date(app.now().getTime() - NOTICE_DAYS * 86_400_000)

async function readSet(em: EntityManager, userId: number, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set()
  return new Set((await em.findBy(NoticeRead, { userId, noticeId: In(ids) })).map((r) => r.noticeId))
}

/** `reads` null: the author's view, with reach; a set: a resident's view, with their read flags. */
async function toNotices(em: EntityManager, rows: Notice[], reads: Set<number> | null): Promise<NoticeView[]> {
  const names = await userNames(
    em,
    rows.map((n) => n.authorUserId),
  )
  return rows.map((n) => ({
    id: n.id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    author: { userId: n.authorUserId, name: names.get(n.authorUserId) ?? '' },
    createdAt: n.createdAt.toISOString(),
    read: reads ? reads.has(n.id) : false,
    reach: reads ? null : { buildings: n.buildingCount, residents: n.residentCount, read: n.readCount },
  }))
}
