import { statSync } from 'node:fs'
import { resolve, sep } from 'node:path'
import type { Context, Middleware } from 'koa'
import send from 'koa-send'
import { badRequest, forbidden, notFound } from '../errors/app-error'

/** The path once decoded, as koa-send will read it; null when its escapes are malformed. */
function decodePath(path: string): string | null {
  try {
    return decodeURIComponent(path)
  } catch {
    return null
  }
}

/** A regular file inside `root`, or null: never a folder, a hidden file, or anything outside. */
function fileInside(root: string, decoded: string): string | null {
  if (decoded.includes('\0')) return null
  const full = resolve(root, `.${sep}${decoded}`)
  if (!full.startsWith(root + sep)) return null
  if (
    full
      .slice(root.length)
      .split(sep)
      .some((segment) => segment.startsWith('.'))
  )
    return null
  return statSync(full, { throwIfNoEntry: false })?.isFile() ? full : null
}

/**
 * Serves the built H5 app beside the API. Paths that are not files get index.html, so that
 * browser-mode routes and QR links such as /?building=CODE open the app.
 */
export function serveH5(dir: string): Middleware {
  const root = resolve(dir)
  return async (ctx, next) => {
    if ((ctx.method !== 'GET' && ctx.method !== 'HEAD') || ctx.path.startsWith('/api/')) return next()
    const decoded = decodePath(ctx.path)
    // Whatever is not a file of the build (folders, odd or hostile paths) is an app route: the shell answers.
    if (decoded && decoded !== '/' && fileInside(root, decoded)) {
      const file = ctx.path
      await send(ctx, file, {
        root,
        maxage: file.startsWith('/js/') || file.startsWith('/css/') ? 31536000000 : 0,
        immutable: file.startsWith('/js/'),
      })
      return
    }
    if (!fileInside(root, 'index.html')) return next()
    ctx.set('Cache-Control', 'no-cache')
    await send(ctx, 'index.html', { root })
  }
}

/**
 * Public files the server itself keeps (officers' photos). A path that tries to leave the folder
 * is 403, a malformed one 400, anything else that is not a file 404, each in the JSON error shape.
 */
export function serveFiles(dir: string, prefix = '/files/'): Middleware {
  const root = resolve(dir)
  return async (ctx: Context, next) => {
    if (ctx.method !== 'GET' || !ctx.path.startsWith(prefix)) return next()
    const path = ctx.path.slice(prefix.length)
    const decoded = decodePath(path)
    if (decoded === null || decoded.includes('\0')) throw badRequest('文件路径不正确')
    if (decoded.split(/[\\/]/).includes('..')) throw forbidden('不能访问该文件')
    if (!fileInside(root, decoded)) throw notFound('文件')
    try {
      // koa-send decodes the path once more itself, so it gets the path as it came.
      await send(ctx, path, { root, maxage: 86400000 })
    } catch (err) {
      // Removed between the check and the read.
      if ((err as { status?: number }).status === 404) throw notFound('文件')
      throw err
    }
    if (ctx.body === undefined) throw notFound('文件')
  }
}
