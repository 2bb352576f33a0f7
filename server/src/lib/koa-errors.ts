import type { Context } from 'koa'
import type { Logger } from './logger'

/**
 * What Koa reports outside the middleware chain: mostly a response that could not be finished
 * because the client went away. Without a listener Koa prints these to stderr ("Error: Parse
 * Error"), where they read as the server failing; with this one they go to the structured log.
 */

/** Socket errors of a client that hung up, timed out or stopped reading: its trouble, not ours. */
const CLIENT_GONE = new Set([
  'ECONNRESET',
  'EPIPE',
  'ECONNABORTED',
  'ETIMEDOUT',
  'ECANCELED',
  'ERR_STREAM_PREMATURE_CLOSE',
  'ERR_STREAM_DESTROYED',
])

interface ReportedError {
  code?: unknown
  reason?: unknown
  status?: unknown
  expose?: unknown
  message?: unknown
}

/** `koa.on('error', …)`: client trouble at debug, the rest as errors; never what the client sent. */
export function logKoaError(log: Logger): (err: unknown, ctx?: Context) => void {
  return (err, ctx) => {
    const e = (err && typeof err === 'object' ? err : {}) as ReportedError
    const where = ctx ? { requestId: ctx.state.requestId as unknown, method: ctx.method, path: ctx.path } : {}
    const code = typeof e.code === 'string' ? e.code : undefined
    // HPE_*: Node's HTTP parser refused bytes that are not HTTP. Its error carries the raw bytes
    // (rawPacket), which may hold anything the client typed, so only the code and reason are kept.
    if (code && (CLIENT_GONE.has(code) || code.startsWith('HPE_'))) {
      // (Keyed `error`: the logger redacts keys ending in "code", which hold login codes elsewhere.)
      log.debug('client connection error', { ...where, error: code, ...(typeof e.reason === 'string' ? { reason: e.reason } : {}) })
      return
    }
    if (e.expose === true || (typeof e.status === 'number' && e.status < 500)) {
      log.debug('client error after the response began', { ...where, status: e.status, error: code })
      return
    }
    log.error('error outside the request handlers', { ...where, err })
  }
}
