import type { Middleware } from 'koa'
import type { ErrorCode } from '@anju/shared'
import { ZodError } from 'zod'
import { AppError } from './app-error'
import { databaseUnavailable, isDatabaseUnavailable } from './unavailable'
import type { Logger } from '../lib/logger'

/** What a 4xx from Koa, co-body or koa-send is called, so that the code always agrees with the status. */
const CLIENT_ERRORS: Record<number, [ErrorCode, string]> = {
  400: ['bad_request', '请求无效'],
  401: ['unauthenticated', '请先登录'],
  403: ['forbidden', '没有权限访问'],
  404: ['not_found', '内容不存在'],
  409: ['conflict', '请求与当前状态冲突'],
  413: ['payload_too_large', '提交的内容太大'],
  415: ['unsupported_media_type', '不支持的内容格式或编码'],
  429: ['rate_limited', '请求太频繁，请稍后再试'],
}

/** Body-parser and Koa errors we answer in the one shape, with a Chinese message. */
function fromHttpError(err: { status?: number; type?: string; expose?: boolean; name?: string }): AppError | null {
  if (err.type === 'entity.too.large') return new AppError(413, 'payload_too_large', '提交的内容太大')
  // co-body (under @koa/bodyparser) throws a SyntaxError carrying status 400 for malformed JSON.
  if (err.type === 'entity.parse.failed' || (err.name === 'SyntaxError' && err.status === 400)) {
    return new AppError(400, 'invalid_json', '请求内容不是有效的 JSON')
  }
  // inflation's "Unsupported Content-Encoding" carries status 415 but is not marked `expose`.
  if (err.status === 415 || err.type === 'encoding.unsupported')
    return new AppError(415, 'unsupported_media_type', '不支持的内容格式或编码')
  if (!err.status || err.status < 400 || err.status > 499 || !err.expose) return null
  const [code, message] = CLIENT_ERRORS[err.status] ?? ['bad_request', '请求无效']
  return new AppError(err.status, code, message)
}

export function zodToAppError(err: ZodError): AppError {
  const details = err.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))
  const first = details[0]
  return new AppError(400, 'validation_failed', first ? `输入有误：${first.message}` : '输入有误', details)
}

export function errorMiddleware(log: Logger): Middleware {
  return async (ctx, next) => {
    try {
      await next()
      if (ctx.status === 404 && ctx.body === undefined) throw new AppError(404, 'not_found', '接口不存在')
    } catch (raw) {
      const err =
        raw instanceof AppError
          ? raw
          : raw instanceof ZodError
            ? zodToAppError(raw)
            : isDatabaseUnavailable(raw)
              ? databaseUnavailable()
              : (fromHttpError(raw as object) ?? null)
      if (!err) {
        log.error('unhandled error', { requestId: ctx.state.requestId, path: ctx.path, err: raw })
      } else if (err !== raw && err.code === 'unavailable') {
        log.warn('database unavailable', {
          requestId: ctx.state.requestId,
          path: ctx.path,
          error: raw instanceof Error ? raw.message : String(raw),
        })
      }
      const safe = err ?? new AppError(500, 'internal', '服务暂时不可用，请稍后再试')
      ctx.status = safe.status
      if (safe.retryAfterSeconds) ctx.set('Retry-After', String(safe.retryAfterSeconds))
      ctx.body = { error: { code: safe.code, message: safe.message, ...(safe.details === undefined ? {} : { details: safe.details }) } }
    }
  }
}
