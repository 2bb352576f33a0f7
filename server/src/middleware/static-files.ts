import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Middleware } from 'koa'
import send from 'koa-send'

/**
 * Serves the built H5 app beside the API. Paths that are not files get index.html, so that
 * browser-mode routes and QR links such as /?building=CODE open the app.
 */
export function serveH5(root: string): Middleware {
  const index = join(root, 'index.html')
  return async (ctx, next) => {
    if ((ctx.method !== 'GET' && ctx.method !== 'HEAD') || ctx.path.startsWith('/api/')) return next()
    const file = ctx.path === '/' ? '' : ctx.path
    try {
      if (file && existsSync(join(root, file))) {
        await send(ctx, file, { root, maxage: file.startsWith('/js/') || file.startsWith('/css/') ? 31536000000 : 0, immutable: file.startsWith('/js/') })
        return
      }
    } catch {
      // fall through to the app shell
    }
    if (!existsSync(index)) return next()
    ctx.set('Cache-Control', 'no-cache')
    await send(ctx, 'index.html', { root })
  }
}

/** Public files the server itself keeps (officers' photos). */
export function serveFiles(root: string, prefix = '/files/'): Middleware {
  return async (ctx, next) => {
    if (ctx.method !== 'GET' || !ctx.path.startsWith(prefix)) return next()
    await send(ctx, ctx.path.slice(prefix.length), { root, maxage: 86400000 })
  }
}
