import type { Middleware } from 'koa'
import { createSecretKey, type KeyObject } from 'node:crypto'
import jwt from 'jsonwebtoken'
import type { Role } from '@anju/shared'
import { ROLES } from '@anju/shared'
import { AppError, forbidden } from '../errors/app-error'
import type { Access } from '../lib/route'

export interface AuthUser {
  id: number
  role: Role
}

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

/** Reads the bearer token if there is one; whether the route needs it is decided by `authorize`. */
export function authenticate(secret: string): Middleware {
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
    await next()
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
