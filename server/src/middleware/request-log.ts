import { randomUUID } from 'node:crypto'
import type { Middleware } from 'koa'
import type { Logger } from '../lib/logger'

/** Tags each request with an id (echoed as X-Request-Id) and logs method, path, status and time — never the query or body. */
export function requestLog(log: Logger): Middleware {
  return async (ctx, next) => {
    const started = process.hrtime.bigint()
    ctx.state.requestId = ctx.get('x-request-id').slice(0, 64) || randomUUID()
    ctx.set('X-Request-Id', ctx.state.requestId)
    try {
      await next()
    } finally {
      if (ctx.path.startsWith('/api/')) {
        const ms = Number(process.hrtime.bigint() - started) / 1e6
        log.info('request', {
          requestId: ctx.state.requestId,
          method: ctx.method,
          path: ctx.path,
          status: ctx.status,
          ms: Math.round(ms * 10) / 10,
        })
      }
    }
  }
}
