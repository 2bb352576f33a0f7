import { randomBytes } from 'node:crypto'
import type Router from '@koa/router'
import type { Context } from 'koa'
import { rid } from './replies'

/**
 * The stand-in's access tokens: `/cgi-bin/token` and `/cgi-bin/stable_token` as WeChat answers
 * them, and the check every token-taking API makes (41001 missing, 40001 unknown or replaced,
 * 42001 expired).
 */
export class StandinTokens {
  /** token → when it stops working (ms). */
  private readonly valid = new Map<string, number>()
  private stable: string | null = null
  private lastPlain: string | null = null

  constructor(private readonly ttlSeconds: number) {}

  /** `/cgi-bin/token`: a new token each call; the one it replaces keeps working for five more minutes. */
  issuePlain(): { access_token: string; expires_in: number } {
    if (this.lastPlain) this.retire(this.lastPlain, 5 * 60_000)
    this.lastPlain = this.mint()
    return { access_token: this.lastPlain, expires_in: this.ttlSeconds }
  }

  /** `/cgi-bin/stable_token`: the same token until it expires; force_refresh replaces it at once. */
  issueStable(forceRefresh: boolean): { access_token: string; expires_in: number } {
    const now = Date.now()
    const until = this.stable ? this.valid.get(this.stable) : undefined
    if (this.stable && until !== undefined && until > now && !forceRefresh) {
      return { access_token: this.stable, expires_in: Math.floor((until - now) / 1000) }
    }
    if (this.stable) this.valid.delete(this.stable)
    this.stable = this.mint()
    return { access_token: this.stable, expires_in: this.ttlSeconds }
  }

  /** 0 when the token may be used, else WeChat's errcode for it. */
  check(token: unknown): 0 | 41001 | 40001 | 42001 {
    if (typeof token !== 'string' || token === '') return 41001
    const until = this.valid.get(token)
    if (until === undefined) return 40001
    return until > Date.now() ? 0 : 42001
  }

  /** Tests: every token issued so far has run out (42001 from now on). */
  expireAll(): void {
    for (const token of this.valid.keys()) this.valid.set(token, 0)
  }

  /** Tests: every token issued so far was reset, e.g. from another console (40001 from now on). */
  revokeAll(): void {
    this.valid.clear()
    this.stable = null
    this.lastPlain = null
  }

  private mint(): string {
    // Real tokens are ~150 characters of [0-9A-Za-z_-]; the length is what clients must not assume.
    const token = randomBytes(96).toString('base64url')
    this.valid.set(token, Date.now() + this.ttlSeconds * 1000)
    return token
  }

  private retire(token: string, graceMs: number): void {
    const until = this.valid.get(token)
    if (until !== undefined) this.valid.set(token, Math.min(until, Date.now() + graceMs))
  }
}

const TOKEN_ERRMSG: Record<number, string> = {
  41001: 'access_token missing',
  40001: 'invalid credential, access_token is invalid or not latest',
  42001: 'access_token expired',
}

/** Answers the request with WeChat's token error and returns false when its access_token may not be used. */
export function acceptToken(ctx: Context, tokens: StandinTokens): boolean {
  const errcode = tokens.check(ctx.query.access_token)
  if (errcode === 0) return true
  ctx.body = { errcode, errmsg: rid(TOKEN_ERRMSG[errcode]!) }
  return false
}

export function registerTokenRoutes(router: Router, opts: { appId: string; appSecret: string }, tokens: StandinTokens): void {
  const credentialsError = (grantType: unknown, appid: unknown, secret: unknown) => {
    if (grantType !== 'client_credential') return { errcode: 40002, errmsg: rid('invalid grant_type') }
    if (appid !== opts.appId) return { errcode: 40013, errmsg: rid('invalid appid') }
    if (secret !== opts.appSecret) return { errcode: 40125, errmsg: rid('invalid appsecret') }
    return null
  }

  router.get('/cgi-bin/token', (ctx) => {
    const q = ctx.query
    ctx.body = credentialsError(q.grant_type, q.appid, q.secret) ?? tokens.issuePlain()
  })

  router.post('/cgi-bin/stable_token', (ctx) => {
    const b = (ctx.request.body ?? {}) as Record<string, unknown>
    ctx.body = credentialsError(b.grant_type, b.appid, b.secret) ?? tokens.issueStable(b.force_refresh === true)
  })
}
