import { AppError } from '../errors/app-error'
import { startOwnRedis, testRedisPrefix, type OwnRedis } from '../test/redis'
import { createLogger } from './logger'
import { createRateLimits, type RateLimits } from './rate-limit'

/** How a consume ends: allowed, or the refusal's status and Retry-After. */
const attempt = (limits: RateLimits, key: string) =>
  limits.consume('messages', key).then(
    () => 'ok',
    (err: unknown) => (err instanceof AppError ? `${err.status} after ${err.retryAfterSeconds}s` : `threw ${String(err)}`),
  )

describe('rate limits shared through Redis', () => {
  let redis: OwnRedis
  let a: RateLimits
  let b: RateLimits
  const log = createLogger('silent')
  beforeAll(async () => {
    redis = await startOwnRedis()
    const prefix = testRedisPrefix('anju_t')
    a = await createRateLimits({ redisUrl: redis.url, prefix, log, points: { messages: 5 } })
    b = await createRateLimits({ redisUrl: redis.url, prefix, log, points: { messages: 5 } })
  })
  afterAll(async () => {
    await a?.close()
    await b?.close()
    await redis?.stop()
  })

  it('count once across instances, and keep limiting from memory when Redis goes away instead of failing or locking people out', async () => {
    const shared = await Promise.all([a, b, a, b, a, b].map((limits) => attempt(limits, 'resident-1')))
    expect(shared.filter((r) => r === 'ok').length).toBe(5)
    expect(shared.filter((r) => /^429 after \d+s$/.test(r)).length).toBe(1)

    await redis.stop()
    // This instance now counts alone, in memory: the resident is not locked out, a flood still is.
    const alone = []
    for (let i = 0; i < 7; i++) alone.push(await attempt(a, 'resident-1'))
    expect(alone.slice(0, 5)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok'])
    expect(alone.slice(5)).toEqual([expect.stringMatching(/^429 after \d+s$/), expect.stringMatching(/^429 after \d+s$/)])
  })
})
