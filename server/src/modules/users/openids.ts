import type { EntityManager } from 'typeorm'
import { TtlCache, cachePerDataSource } from '../../lib/ttl-cache'
import { User } from './entities'

// An openid is read on every submit and message to call WeChat; it is not reference data, so
// reference-data changes do not clear it, and it is kept longer.
const openids = cachePerDataSource(() => new TtlCache<number, string | null>(300_000, 100_000))

/** The WeChat openid of a user (for content checks and subscribe messages), or null. */
export const openidOf = (em: EntityManager, userId: number): Promise<string | null> =>
  openids(em.connection).get(
    userId,
    async () => (await em.findOne(User, { where: { id: userId }, select: { id: true, openid: true } }))?.openid ?? null,
  )
