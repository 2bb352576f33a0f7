import type { Middleware } from 'koa'
import { createSecretKey, type KeyObject } from 'node:crypto'
import jwt from 'jsonwebtoken'
import { EntityNotFoundError } from 'typeorm'
import type { Role } from '@anju/shared'
import { ROLES } from '@anju/shared'
import { isForeignKeyViolation } from '../db/errors'
import { AppError, forbidden } from '../errors/app-error'

export interface AuthUser {
  id: number
  role: Role
}

/** Who may call a route: anyone, any signed-in user, or these roles (declared on each route, lib/route.ts). */
export type Access = 'public' | 'user' | readonly Role[]

const ISSUER = 'anju'

/**
 * jsonwebtoken turns a string secret into a key on every call (trying it as a public key first);
 * one KeyObject per secret saves that on every request.
 */
const keys = new Map<string, KeyObject>()
function keyFor(secret: string): KeyObject {
  let key = keys.get(secret)
  if (!key) keys.set(secret, (key = createSecretKey(Buffer.from(secret, 'utf8'))))
  return key
}

export function signAccessToken(secret: string, user: AuthUser, ttlSeconds: number): string {
  return jwt.sign({ role: user.role }, keyFor(secret), {
    algorithm: 'HS256',
    subject: String(user.id),
    expiresIn: ttlSeconds,
    issuer: ISSUER,
  })
}

export function verifyAccessToken(secret: string, token: string): AuthUser {
  try {
    const claims = jwt.verify(token, keyFor(secret), { algorithms: ['HS256'], issuer: ISSUER }) as jwt.JwtPayload
    const id = Number(claims.sub)
    const role = claims.role as Role
    if (!Number.isInteger(id) || !ROLES.includes(role)) throw new Error('bad claims')
    return { id, role }
  } catch (err) {
    if (err instanceof jwt.TokenExpiredError) throw new AppError(401, 'token_expired', '登录已过期，请重新登录')
    throw new AppError(401, 'unauthenticated', '登录信息无效，请重新登录')
  }
}

/**
 * Reads the bearer token if there is one; whether the route needs it is decided by `authorize`.
 *
 * A token stays valid for minutes after its account is deleted. Looking the user up on every
 * request would add a statement to every hot path (message send, ticket submit) for a rare case,
 * so the database's foreign keys do the checking: a write for a missing user fails on its user
 * column, a read of the user's own row finds nothing. Only then, on that error path, is the
 * account looked up, and its absence answered 401 so the app logs in again. The look-up is given
 * (users' userExists, wired in app.ts): middleware sits below the modules and imports none.
 */
export function authenticate(secret: string, deps: { accountExists?: (userId: number) => Promise<boolean> } = {}): Middleware {
  return async (ctx, next) => {
    const header = ctx.get('authorization')
    ctx.state.user = null
    ctx.state.authError = null
    if (header.startsWith('Bearer ')) {
      try {
        ctx.state.user = verifyAccessToken(secret, header.slice(7).trim())
      } catch (err) {
        ctx.state.authError = err
      }
    }
    try {
      await next()
    } catch (err) {
      const user = ctx.state.user as AuthUser | null
      if (
        user &&
        deps.accountExists &&
        (isForeignKeyViolation(err) || err instanceof EntityNotFoundError) &&
        !(await accountStillExists(deps.accountExists, user.id))
      )
        throw accountGone()
      throw err
    }
  }
}

const accountGone = () => new AppError(401, 'unauthenticated', '账号不存在或已注销，请重新登录')

/** True when unsure (the database is failing too): the original error is then the answer. */
async function accountStillExists(accountExists: (userId: number) => Promise<boolean>, id: number): Promise<boolean> {
  try {
    return await accountExists(id)
  } catch {
    return true
  }
}

export function authorize(access: Access): Middleware {
  return async (ctx, next) => {
    if (access !== 'public') {
      const user = ctx.state.user as AuthUser | null
      if (!user) throw (ctx.state.authError as AppError | null) ?? new AppError(401, 'unauthenticated', '请先登录')
      if (access !== 'user' && !access.includes(user.role)) throw forbidden()
    }
    await next()
  }
}
