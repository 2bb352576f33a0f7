/**
 * WeChat's access_token, kept in memory and shared by every call of one server instance.
 *
 * It comes from `/cgi-bin/stable_token` rather than `/cgi-bin/token`: the latter mints a new token
 * on every call and retires the previous one, so several server instances would keep knocking
 * each other's tokens out. The stable token is the same for every caller until it expires.
 */
export interface IssuedToken {
  token: string
  expiresIn: number
}

/** Refresh this long before WeChat's expiry (or a tenth of the lifetime, if that is shorter). */
const REFRESH_MARGIN_S = 300

export class AccessTokenCache {
  private current: { token: string; refreshAt: number } | null = null
  private pending: Promise<string> | null = null

  constructor(
    private readonly issue: (forceRefresh: boolean) => Promise<IssuedToken>,
    private readonly now: () => number = Date.now,
  ) {}

  async get(): Promise<string> {
    if (this.current && this.now() < this.current.refreshAt) return this.current.token
    return this.refresh(false)
  }

  /**
   * WeChat refused `rejected` (40001/42001/40014): get another one. Concurrent callers that saw
   * the same refusal share one refresh; a caller whose token was already replaced just takes the
   * new one.
   */
  async renew(rejected: string): Promise<string> {
    if (this.current && this.current.token !== rejected) return this.current.token
    this.current = null
    const next = await this.refresh(false)
    // The stable token WeChat still hands out is the one it refuses (it was reset elsewhere): force a new one.
    return next !== rejected ? next : this.refresh(true)
  }

  private refresh(force: boolean): Promise<string> {
    this.pending ??= this.issue(force)
      .then(({ token, expiresIn }) => {
        const margin = Math.min(REFRESH_MARGIN_S, expiresIn / 10)
        this.current = { token, refreshAt: this.now() + (expiresIn - margin) * 1000 }
        return token
      })
      .finally(() => {
        this.pending = null
      })
    return this.pending
  }
}
