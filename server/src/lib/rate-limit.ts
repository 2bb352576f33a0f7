import Redis from 'ioredis'
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible'
import { AppError, retryLater } from '../errors/app-error'
import type { Logger } from './logger'
import { closeRedis, FAIL_FAST } from './redis'

/**
 * Every rate limit, declared in one place. Each is a counter per key that one atomic step
 * increments and checks (a Lua script on Redis, a single synchronous update in memory), taken
 * before the work: there is no count-then-insert for concurrent requests to slip through.
 * Windows are fixed: they start with a key's first attempt and last `seconds`.
 */
interface LimitSpec {
  points: number
  seconds: number
  /** What the caller is told once the points are spent; 429s also get Retry-After. */
  refuse: () => AppError
}

const tooMany = (message: string) => () => new AppError(429, 'rate_limited', message)

export const LIMITS = {
  /** A report holds 9 photos; 60 in 10 minutes is several reports' worth, and stops a script filling the disk. */
  uploads: { points: 60, seconds: 600, refuse: tooMany('上传太频繁，请过几分钟再试') },
  /** A person types; a script floods. 30 a minute is far above any conversation and stops a flood. */
  messages: { points: 30, seconds: 60, refuse: tooMany('发送太频繁，请稍等一分钟再发') },
  /**
   * Every code2Session spends the app's shared WeChat quota. Generous per address (campuses and
   * mobile carriers put many residents behind one), tight enough that no one address can spend
   * the quota; `LOGIN_PER_ADDRESS_PER_MINUTE` overrides it.
   */
  'login-by-address': { points: 60, seconds: 60, refuse: tooMany('登录尝试太频繁，请稍后再试') },
  /**
   * A wx.login code is single-use and lives 5 minutes: its second use (a retry, a replay, the
   * same code sent twice at once) is refused here and never reaches WeChat again.
   */
  'login-by-code': { points: 1, seconds: 300, refuse: () => new AppError(401, 'wechat_invalid_code', '登录凭证无效或已过期，请重新登录') },
  /** Refresh tokens cannot be guessed; this only keeps a script from hammering the token table. */
  'refresh-by-address': { points: 120, seconds: 60, refuse: tooMany('请求太频繁，请稍后再试') },
  /** Invite codes are 10 characters a person types: a few typos are fine, guessing is not. */
  'invite-by-user': { points: 10, seconds: 600, refuse: tooMany('邀请码尝试次数过多，请10分钟后再试') },
  'invite-by-address': { points: 30, seconds: 600, refuse: tooMany('邀请码尝试次数过多，请10分钟后再试') },
} satisfies Record<string, LimitSpec>

export type LimitName = keyof typeof LIMITS

export interface RateLimits {
  /**
   * Takes one attempt of `name` for `key`, or throws the limit's refusal (429 with Retry-After).
   * Call it before doing the work, once per request.
   */
  consume(name: LimitName, key: string | number): Promise<void>
  close(): Promise<void>
}

export interface RateLimitOptions {
  /** Shared by every instance when set; otherwise this instance counts alone, in memory. */
  redisUrl: string | null
  /** The deployment's Redis key prefix (config.redisPrefix). */
  prefix: string
  log: Logger
  /** Points per limit, replacing the defaults above (config, tests). */
  points?: Partial<Record<LimitName, number>>
}

export async function createRateLimits(opts: RateLimitOptions): Promise<RateLimits> {
  const redis = opts.redisUrl ? await connect(opts.redisUrl, opts.log) : null
  const limiters = {} as Record<LimitName, RateLimiterAbstract>
  for (const [name, spec] of Object.entries(LIMITS) as [LimitName, LimitSpec][]) {
    const base = { points: opts.points?.[name] ?? spec.points, duration: spec.seconds, keyPrefix: `${opts.prefix}rl:${name}` }
    // Redis unreachable: each instance counts in memory until it is back. Chosen deliberately
    // over refusing everyone (nobody could log in or report) and over no limit at all (the
    // WeChat quota and the disk are what these protect); the cost is that while Redis is down
    // the limits hold per instance, so N instances allow up to N times as much.
    limiters[name] = redis
      ? new RateLimiterRedis({ ...base, storeClient: redis, rejectIfRedisNotReady: true, insuranceLimiter: new RateLimiterMemory(base) })
      : new RateLimiterMemory(base)
  }
  return {
    consume: async (name, key) => {
      try {
        await limiters[name].consume(String(key))
      } catch (res) {
        if (res instanceof RateLimiterRes) {
          const refusal = LIMITS[name].refuse()
          throw refusal.status === 429 ? retryLater(refusal, res.msBeforeNext / 1000) : refusal
        }
        // Not reached with the memory insurance in place; if it ever is, a limit that cannot
        // count lets the request through rather than failing it.
        opts.log.warn('rate limit could not count; request allowed', {
          limit: name,
          error: res instanceof Error ? res.message : String(res),
        })
      }
    },
    close: async () => {
      if (redis) await closeRedis(redis)
    },
  }
}

/**
 * A Redis client that fails fast: no offline queue (a command while disconnected fails at once,
 * and the insurance limiter answers) and a short command timeout (a hung Redis does the same).
 * Waits briefly for the first connection so that an instance starts counting in Redis, not in
 * memory; a Redis that is down at start only delays the start by that wait.
 */
async function connect(url: string, log: Logger): Promise<Redis> {
  const client = new Redis(url, { ...FAIL_FAST, commandTimeout: 1000 })
  let down = false
  client.on('error', (err: Error) => {
    if (down) return
    down = true
    log.warn('rate limits: Redis unreachable, counting in memory on this instance until it is back', { error: err.message })
  })
  client.on('ready', () => {
    if (down) log.info('rate limits: Redis is back')
    down = false
  })
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 2000)
    client.once('ready', () => {
      clearTimeout(timer)
      resolve()
    })
  })
  return client
}
