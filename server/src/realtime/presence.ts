import type Redis from 'ioredis'

/**
 * Who has a socket open right now, across instances: a recipient who is connected sees a message
 * at once and needs no WeChat subscribe message. Without Redis only this instance's sockets count.
 *
 * With Redis each user has a hash `presence:<user>` whose fields are instance ids and values the
 * time until which that instance vouches for a socket. Instances refresh their entries every
 * REFRESH_MS; a crashed instance's entries lapse after TTL_MS instead of keeping a user "online".
 */
const TTL_MS = 90_000
const REFRESH_MS = 30_000

export class Presence {
  private readonly local = new Map<number, number>()
  private timer: NodeJS.Timeout | null = null

  constructor(
    private readonly redis: Redis | null,
    private readonly prefix: string,
    private readonly instanceId: string,
  ) {
    if (redis) {
      this.timer = setInterval(() => void this.refresh().catch(() => undefined), REFRESH_MS)
      this.timer.unref()
    }
  }

  private key(userId: number): string {
    return `${this.prefix}presence:${userId}`
  }

  async connected(userId: number): Promise<void> {
    const n = (this.local.get(userId) ?? 0) + 1
    this.local.set(userId, n)
    if (n === 1 && this.redis)
      await this.redis
        .multi()
        .hset(this.key(userId), this.instanceId, Date.now() + TTL_MS)
        .pexpire(this.key(userId), TTL_MS)
        .exec()
  }

  async disconnected(userId: number): Promise<void> {
    const n = (this.local.get(userId) ?? 1) - 1
    if (n > 0) return void this.local.set(userId, n)
    this.local.delete(userId)
    if (this.redis) await this.redis.hdel(this.key(userId), this.instanceId)
  }

  /**
   * The subset of `userIds` with a socket open on any instance. Never throws: when Redis cannot be
   * asked, only this instance's sockets count and everyone else is away, so a WeChat reminder
   * goes out rather than a message being missed unnoticed.
   */
  async online(userIds: number[]): Promise<Set<number>> {
    const out = new Set(userIds.filter((id) => this.local.has(id)))
    const rest = userIds.filter((id) => !out.has(id))
    if (!this.redis || rest.length === 0 || this.redis.status !== 'ready') return out
    const now = Date.now()
    try {
      const replies = await this.redis.pipeline(rest.map((id) => ['hvals', this.key(id)])).exec()
      rest.forEach((id, i) => {
        const [err, values] = replies?.[i] ?? [null, null]
        if (!err && Array.isArray(values) && values.some((v) => Number(v) > now)) out.add(id)
      })
    } catch {
      // As when Redis is away: those not on this instance count as away.
    }
    return out
  }

  /** Redis is back (a restarted one has forgotten everyone): vouch for this instance's sockets now. */
  reannounce(): void {
    void this.refresh().catch(() => undefined)
  }

  private async refresh(): Promise<void> {
    if (!this.redis || this.local.size === 0) return
    const until = Date.now() + TTL_MS
    const pipe = this.redis.pipeline()
    for (const id of this.local.keys()) pipe.hset(this.key(id), this.instanceId, until).pexpire(this.key(id), TTL_MS)
    await pipe.exec()
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer)
    if (this.redis) {
      const pipe = this.redis.pipeline()
      for (const id of this.local.keys()) pipe.hdel(this.key(id), this.instanceId)
      await pipe.exec().catch(() => undefined)
    }
    this.local.clear()
  }
}
