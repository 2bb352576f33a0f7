import Koa from 'koa'
import { bodyParser } from '@koa/bodyparser'
import type { Server } from 'node:http'
import { join } from 'node:path'
import type { AppContext } from './context'
import { badRequest } from './errors/app-error'
import { errorMiddleware } from './errors/middleware'
import { logKoaError } from './lib/koa-errors'
import { buildOpenApi } from './lib/openapi'
import type { AnyRoute } from './lib/route'
import { mountRoutes } from './lib/router'
import { authenticate } from './middleware/auth'
import { endCompressedBodyOnAbort } from './middleware/compressed-body'
import { healthChecks } from './middleware/health'
import { requestLog } from './middleware/request-log'
import { serveFiles, serveH5 } from './middleware/static-files'
import { on } from './events'
import { authRoutes } from './modules/auth'
import { inviteRoutes } from './modules/invites'
import { followBuildingLead, messageRoutes, socketHooks } from './modules/messages'
import { officerRoutes } from './modules/officers'
import { placeRoutes } from './modules/places'
import { refuseTicketPhotosInUse, ticketRoutes } from './modules/tickets'
import { uploadRoutes } from './modules/uploads'
import { userExists, userRoutes } from './modules/users'

export function allRoutes(app: AppContext): AnyRoute[] {
  return [
    ...authRoutes(app),
    ...userRoutes(app),
    ...placeRoutes(app),
    ...officerRoutes(app),
    ...inviteRoutes(app),
    ...ticketRoutes(app),
    ...uploadRoutes(app),
    ...messageRoutes(app),
  ]
}

/**
 * Where a lower module's domain event makes a higher one act (events/index.ts). Subscribing is
 * idempotent, so each app instance of a process may call it, and so may a script that changes
 * what they follow (the places import).
 */
export function subscribeDomainEvents(): void {
  on('buildingLeadChanged', followBuildingLead)
  on('uploadsAttaching', refuseTicketPhotosInUse)
}

/** Builds the Koa app; `main.ts` listens, tests call `app.callback()` or listen on port 0. */
export function buildApp(ctx: AppContext): Koa {
  subscribeDomainEvents()
  // Demo-only routes exist only where they work: with the WeChat stand-in, outside production.
  const demo = !ctx.config.production && ctx.wechatStandinUrl !== null
  const routes = allRoutes(ctx).filter((r) => demo || !r.demoOnly)
  const openapi = buildOpenApi(routes)
  const koa = new Koa({ proxy: ctx.config.production })
  koa.on('error', logKoaError(ctx.log))
  koa.use(requestLog(ctx.log))
  koa.use(errorMiddleware(ctx.log))
  koa.use(async (c, next) => {
    if (c.path === '/api/openapi.json') return void (c.body = openapi)
    await next()
  })
  koa.use(healthChecks(ctx))
  koa.use(serveFiles(join(ctx.config.dataDir, 'files')))
  if (ctx.config.h5Dir) koa.use(serveH5(ctx.config.h5Dir))
  koa.use(endCompressedBodyOnAbort())
  koa.use(
    bodyParser({
      enableTypes: ['json', 'text'],
      jsonLimit: '256kb',
      // No route reads text/plain; text/csv (the places import) is streamed by its route with its own limit.
      textLimit: '64kb',
      encoding: 'utf-8',
      onError: (err) => {
        // Errors with a status are co-body's own (too large, bad JSON, unknown encoding); the rest come
        // from decompressing a body that is not what its Content-Encoding says: the client's mistake.
        if ((err as { status?: number }).status) throw err
        throw badRequest('请求内容无法按 Content-Encoding 解压')
      },
    }),
  )
  koa.use(authenticate(ctx.config.jwtSecret, { accountExists: (id) => userExists(ctx.ds.manager, id) }))
  koa.use(mountRoutes(routes).routes())
  return koa
}

/** Listens on the port (0: any free one) with the WebSocket endpoint beside the API. */
export async function listen(ctx: AppContext, port: number, host: string): Promise<Server> {
  const server = buildApp(ctx).listen(port, host)
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject))
  ctx.realtime.attach(server, socketHooks(ctx))
  return server
}
