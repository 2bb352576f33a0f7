import { In, Like, type EntityManager, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm'
import type { Role, StaffRole } from '@anju/shared'
import { TtlCache, cachePerDataSource } from '../../lib/ttl-cache'
import { User } from './entities'

/** Accounts (app_user), as other modules need them: by id, by name, by WeChat openid; becoming staff. */

// By id. None of these is cached: userById when a missing account is an answer (a token outlives a
// deleted account by minutes), getUser when the id must exist.
export const userById = (em: EntityManager, id: number): Promise<User | null> => em.findOneBy(User, { id })

/** For ids that must exist (the caller's own account): a missing row throws EntityNotFoundError. */
export const getUser = (em: EntityManager, id: number): Promise<User> => em.findOneByOrFail(User, { id })

/** Users by id, one statement; ids not found are left out. */
export const usersByIds = (em: EntityManager, ids: number[]): Promise<User[]> => em.findBy(User, { id: In(ids) })

/** Whether the account still exists: a token outlives a deleted account by minutes. */
export const userExists = (em: EntityManager, id: number): Promise<boolean> => em.existsBy(User, { id })

/** A resident's account; null for staff and for an id not found. */
export const findResident = (em: EntityManager, id: number): Promise<User | null> => em.findOneBy(User, { id, role: 'resident' })

// Names. userNames (cached a minute) for what every message and inbox page shows; currentUserNames
// where a list shows the name as it stands now (the ticket lists).

/** Names shown beside messages and in inboxes change rarely; the lists read them on every page. */
const names = new TtlCache<number, string>(60_000, 100_000)

/** Users' display names by id ('' for an id not found), one statement for those not cached. */
export async function userNames(em: EntityManager, ids: Array<number | null>): Promise<Map<number, string>> {
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))]
  const misses = wanted.filter((id) => names.peek(id) === undefined)
  if (misses.length > 0) {
    for (const u of await em.find(User, { where: { id: In(misses) }, select: { id: true, name: true } })) names.set(u.id, u.name)
  }
  return new Map(wanted.map((id) => [id, names.peek(id) ?? '']))
}

/** Users' names by id as they stand now (uncached), one statement; ids not found are left out. */
export async function currentUserNames(em: EntityManager, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map()
  const users = await em.find(User, { where: { id: In(ids) }, select: { id: true, name: true } })
  return new Map(users.map((u) => [u.id, u.name]))
}

/**
 * The ids of users whose name matches the LIKE pattern in the caller's parameter `param` ('!'
 * escapes), as a subquery of the caller's query: a search by name stays one statement.
 */
export const userIdsNamedLike = (qb: SelectQueryBuilder<ObjectLiteral>, param: string): string =>
  qb.subQuery().select('named_user.id').from(User, 'named_user').where(`named_user.name LIKE :${param} ESCAPE '!'`).getQuery()

// By WeChat openid.

/**
 * The user of a WeChat openid, with the session key just received; a first login makes a
 * resident. Two first logins at once both insert: the unique openid index keeps one row and the
 * second insert is ignored, so both find the same user.
 */
export async function findOrCreateResidentByOpenid(em: EntityManager, openid: string, sealedSessionKey: string): Promise<User> {
  const user = await em.findOneBy(User, { openid })
  if (user) {
    await em.update(User, { id: user.id }, { wechatSessionKey: sealedSessionKey })
    return user
  }
  await em
    .createQueryBuilder()
    .insert()
    .into(User)
    .values({ openid, role: 'resident', name: '微信用户', scopePlaceId: null, wechatSessionKey: sealedSessionKey })
    .orIgnore()
    .execute()
  return em.findOneByOrFail(User, { openid })
}

/** Users by WeChat openid, one statement; openids not found are left out (the demo finds its people this way). */
export const usersByOpenid = (em: EntityManager, openids: string[]): Promise<User[]> => em.findBy(User, { openid: In(openids) })

/** The first `take` accounts whose openid starts with `prefix`, oldest first. */
export const usersByOpenidPrefix = (em: EntityManager, prefix: string, take: number): Promise<User[]> =>
  em.find(User, { where: { openid: Like(`${prefix}%`) }, order: { id: 'ASC' }, take })

export const openidExists = (em: EntityManager, openid: string): Promise<boolean> => em.existsBy(User, { openid })

// An openid is read on every submit and message to call WeChat; it is not reference data, so
// reference-data changes do not clear it, and it is kept longer.
const openids = cachePerDataSource(() => new TtlCache<number, string | null>(300_000, 100_000))

/** The WeChat openid of a user (for content checks and subscribe messages), or null. */
export const openidOf = (em: EntityManager, userId: number): Promise<string | null> =>
  openids(em.connection).get(
    userId,
    async () => (await em.findOne(User, { where: { id: userId }, select: { id: true, openid: true } }))?.openid ?? null,
  )

// Staff and the demo seed.

/** Gives an account a staff role, the name staff know them by, and the place they serve. */
export async function makeStaff(
  em: EntityManager,
  userId: number,
  staff: { role: StaffRole; name: string; scopePlaceId: number },
): Promise<void> {
  await em.update(User, { id: userId }, staff)
}

export async function setScopePlace(em: EntityManager, userId: number, scopePlaceId: number | null): Promise<void> {
  await em.update(User, { id: userId }, { scopePlaceId })
}

/** The demo seed's account of `openid`, made if missing, with this scope place: a seed cut off half-way finishes on the next start. */
export async function ensureUser(em: EntityManager, openid: string, role: Role, name: string, scopePlaceId: number | null): Promise<User> {
  const users = em.getRepository(User)
  await users.createQueryBuilder().insert().values({ openid, role, name, scopePlaceId, wechatSessionKey: null }).orIgnore().execute()
  const user = await users.findOneByOrFail({ openid })
  if (user.scopePlaceId !== scopePlaceId) await users.update({ id: user.id }, { scopePlaceId })
  return user
}
