import type { Middleware } from 'koa'
import type { Writable } from 'node:stream'

/**
 * co-body reads a compressed body through `req.pipe(zlib stream)` (the inflation package). When the
 * client hangs up half-way, the request stream closes but a pipe never ends its destination, so
 * the body read waits forever: every such request would hold its context and a zlib stream for
 * the life of the process. Here the decompressor is destroyed when the request closes unfinished,
 * which fails the body read and lets the request end.
 */
export function endCompressedBodyOnAbort(): Middleware {
  return async (ctx, next) => {
    const req = ctx.req
    const encoding = req.headers['content-encoding']
    if (encoding && encoding !== 'identity') {
      const pipe = req.pipe.bind(req)
      req.pipe = <T extends NodeJS.WritableStream>(dest: T, opts?: { end?: boolean }): T => {
        req.once('close', () => {
          if (!req.complete) (dest as unknown as Writable).destroy(new Error('request aborted'))
        })
        return pipe(dest, opts)
      }
    }
    await next()
  }
}
