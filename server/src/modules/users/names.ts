import { In, type EntityManager, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm'
import { TtlCache } from '../../lib/ttl-cache'
import { User } from './entities'

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

/**
 * The ids of users whose name matches the LIKE pattern in the caller's parameter `param` ('!'
 * escapes), as a subquery of the caller's query: a search by name stays one statement.
 */
export const userIdsNamedLike = (qb: SelectQueryBuilder<ObjectLiteral>, param: string): string =>
  qb.subQuery().select('named_user.id').from(User, 'named_user').where(`named_user.name LIKE :${param} ESCAPE '!'`).getQuery()
