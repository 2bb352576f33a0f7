import Router from '@koa/router'
import type { Context } from 'koa'
import { authorize } from '../middleware/auth'
import type { AnyRoute } from './route'

function parse(schema: AnyRoute['body'], value: unknown): unknown {
  return schema ? schema.parse(value) : undefined
}

/** Mounts declared routes: authorize, validate body/query/params with their zod schemas, call, shape. */
export function mountRoutes(routes: readonly AnyRoute[]): Router {
  const router = new Router()
  for (const spec of routes) {
    router[spec.method](spec.path, authorize(spec.access), async (ctx: Context) => {
      const input = {
        body: parse(spec.body, ctx.request.body ?? {}),
        query: parse(spec.query, ctx.query),
        params: parse(spec.params, ctx.params),
        ctx,
        user: ctx.state.user,
      }
      const result = await spec.handler(input)
      ctx.status = spec.status ?? 200
      if (ctx.status !== 204) ctx.body = result
    })
  }
  return router
}
