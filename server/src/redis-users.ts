import type { Logger } from './lib/logger'
import { createRateLimits, type LimitName, type RateLimits } from './lib/rate-limit'
import { createRealtime, type Realtime } from './realtime'

/**
 * The two users of Redis, started side by side. Each waits a bounded time for a Redis that is
 * down at start (the rate limits 2 s, the realtime bus 10 s) and then serves this instance alone;
 * one after the other the waits added up (~12 s), side by side the start waits for the longer.
 */
export async function connectRedisUsers(opts: {
  redisUrl: string | null
  prefix: string
  log: Logger
  points?: Partial<Record<LimitName, number>>
}): Promise<{ realtime: Realtime; limits: RateLimits }> {
  const [realtime, limits] = await Promise.allSettled([
    createRealtime({ redisUrl: opts.redisUrl, prefix: opts.prefix, log: opts.log }),
    createRateLimits({ redisUrl: opts.redisUrl, prefix: opts.prefix, log: opts.log, points: opts.points }),
  ])
  if (realtime.status === 'fulfilled' && limits.status === 'fulfilled') return { realtime: realtime.value, limits: limits.value }
  // One failed: close the other's connections, or they would keep the process alive.
  if (realtime.status === 'fulfilled') await realtime.value.close()
  if (limits.status === 'fulfilled') await limits.value.close()
  throw realtime.status === 'rejected' ? realtime.reason : (limits as PromiseRejectedResult).reason
}
