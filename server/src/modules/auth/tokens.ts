import { randomBytes } from 'node:crypto'
import { IsNull, type EntityManager } from 'typeorm'
import type { TokenPair } from '@anju/shared'
import { AppError } from '../../errors/app-error'
import { sha256 } from '../../lib/crypto'
import { signAccessToken } from '../../middleware/auth'
import type { AppContext } from '../../context'
import type { User } from '../users'
import { RefreshToken } from './entities'

const invalidRefresh = () => new AppError(401, 'unauthenticated', '登录已失效，请重新登录')

/** Issues an access token and a new refresh token (in `familyId`'s chain, or a new chain). */
export async function issueTokens(app: AppContext, em: EntityManager, user: User, familyId?: string): Promise<TokenPair> {
  const refreshToken = randomBytes(32).toString('base64url')
  await em.insert(RefreshToken, {
    userId: user.id,
    tokenHash: sha256(refreshToken),
    familyId: familyId ?? randomBytes(12).toString('hex'),
    expiresAt: new Date(app.now().getTime() + app.config.refreshTokenTtlDays * 86400_000),
    revokedAt: null,
  })
  return {
    accessToken: signAccessToken(app.config.jwtSecret, { id: user.id, role: user.role }, app.config.accessTokenTtlSeconds),
    expiresIn: app.config.accessTokenTtlSeconds,
    refreshToken,
    user: { id: user.id, role: user.role, name: user.name },
  }
}

/**
 * Trades a refresh token for a new pair. The old token dies in the same transaction as the new
 * one is made; a token presented after it was replaced means it leaked, so its whole family is
 * revoked — outside the transaction, so that the refusal does not roll the revocation back.
 */
export async function rotateRefreshToken(
  app: AppContext,
  token: string,
  issue: (em: EntityManager, userId: number, familyId: string) => Promise<TokenPair>,
): Promise<TokenPair> {
  const row = await app.ds.manager.findOneBy(RefreshToken, { tokenHash: sha256(token) })
  if (!row) throw invalidRefresh()
  const now = app.now()
  if (row.revokedAt) {
    await revokeFamily(app.ds.manager, row.familyId, now)
    throw invalidRefresh()
  }
  if (row.expiresAt.getTime() <= now.getTime()) throw invalidRefresh()
  return app.ds.transaction(async (em) => {
    // Conditional update: of two concurrent refreshes with the same token, only one wins.
    const result = await em.update(RefreshToken, { id: row.id, revokedAt: IsNull() }, { revokedAt: now })
    if (result.affected !== 1) throw invalidRefresh()
    return issue(em, row.userId, row.familyId)
  })
}

export async function revokeFamily(em: EntityManager, familyId: string, now: Date): Promise<void> {
  await em.update(RefreshToken, { familyId, revokedAt: IsNull() }, { revokedAt: now })
}

export async function revokeAllForUser(em: EntityManager, userId: number, now: Date): Promise<void> {
  await em.update(RefreshToken, { userId, revokedAt: IsNull() }, { revokedAt: now })
}

export async function familyOf(em: EntityManager, token: string): Promise<string | null> {
  const row = await em.findOneBy(RefreshToken, { tokenHash: sha256(token) })
  return row?.familyId ?? null
}
