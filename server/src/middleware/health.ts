import type { Middleware } from 'koa'
import type { AppContext } from '../context'
import { RETRY_AFTER_SECONDS } from '../errors/unavailable'

/** Each check gets this long; a database or Redis slower than that counts as down. */
export const CHECK_TIMEOUT_MS = 1500

export interface Dependencies {
  database: 'ok' | 'down'
  redis: 'ok' | 'down' | 'not configured'
}

/** Settles within `ms`: the work's result, or `fallback` if it fails or takes longer. */
async function within<T>(ms: number, work: () => Promise<T>, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms)
  })
  try {
    return await Promise.race([work().catch(() => fallback), late])
  } finally {
    clearTimeout(timer)
  }
}

/** One `SELECT 1` and one Redis PING, side by side, each bounded: cheap enough for a probe every second. */
export async function checkDependencies(app: AppContext): Promise<Dependencies> {
  const [database, redis] = await Promise.all([
    within(CHECK_TIMEOUT_MS, async () => (await app.ds.query('SELECT 1'), 'ok' as const), 'down' as const),
    within(CHECK_TIMEOUT_MS, () => app.realtime.ping(), 'down' as const),
  ])
  return { database, redis }
}

/**
 * `/api/health` for people and monitoring: which dependency is down; 503 when the database is,
 * as then no request can be served (Redis down only degrades realtime across instances: 200).
 * `/api/ready` for load balancers: 200 only when the database and Redis (when configured) answer.
 */
export function healthChecks(app: AppContext): Middleware {
  return async (ctx, next) => {
    const ready = ctx.path === '/api/ready'
    if ((!ready && ctx.path !== '/api/health') || (ctx.method !== 'GET' && ctx.method !== 'HEAD')) return next()
    const deps = await checkDependencies(app)
    const allUp = deps.database === 'ok' && deps.redis !== 'down'
    const serving = ready ? allUp : deps.database === 'ok'
    ctx.status = serving ? 200 : 503
    ctx.set('Cache-Control', 'no-store')
    if (!serving) ctx.set('Retry-After', String(RETRY_AFTER_SECONDS))
    ctx.body = { status: ready ? (allUp ? 'ready' : 'not ready') : allUp ? 'ok' : 'degraded', ...deps }
  }
}
