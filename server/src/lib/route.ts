import type { Context } from 'koa'
import type { z } from 'zod'
import type { Access, AuthUser } from '../middleware/auth'
import type { LimitName } from './rate-limit'

export interface RouteInput<B, Q, P> {
  body: B
  query: Q
  params: P
  ctx: Context
}

/**
 * A route is declared once: its path, who may call it and the zod schemas of what goes in and
 * out. The router mounts it (validating input at the edge) and the OpenAPI document is
 * generated from the same declaration, so the two cannot drift apart.
 */
export interface RouteSpec<B = unknown, Q = unknown, P = unknown, R = unknown, A extends Access = Access> {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete'
  path: string
  summary: string
  tag: string
  access: A
  body?: z.ZodType<B>
  /** Non-JSON request bodies (e.g. text/csv), described for OpenAPI. */
  rawBody?: { contentType: string; description: string }
  query?: z.ZodType<Q>
  params?: z.ZodType<P>
  response?: z.ZodType<R>
  /** 200 unless set; 204 sends no body. */
  status?: number
  /**
   * The rate limits (lib/rate-limit.ts) the handler takes: documented as 429 rate_limited with
   * Retry-After. Declare here every limit the handler's service consumes.
   */
  limits?: readonly LimitName[]
  /** Only with the WeChat stand-in and never in production (demo logins): neither mounted nor documented otherwise. */
  demoOnly?: boolean
  handler: (input: RouteInput<B, Q, P> & { user: A extends 'public' ? AuthUser | null : AuthUser }) => Promise<R> | R
}

// The spec is returned untouched; the generic parameters only make handlers type-check.
export function route<B = undefined, Q = undefined, P = undefined, R = unknown, A extends Access = Access>(
  spec: RouteSpec<B, Q, P, R, A>,
): RouteSpec<B, Q, P, R, A> {
  return spec
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRoute = RouteSpec<any, any, any, any, any>
