import type { DataSource } from 'typeorm'

/**
 * Reference data read on every submit and every list — categories, places, who leads a building,
 * which desk covers it — changes rarely. Each instance keeps it for a few seconds: writers in this
 * instance clear it at once (db/reference-data.ts), other instances see a change within the TTL. It
 * is what lets a burst of reports after an incident cost the database two inserts each rather than
 * a dozen reads.
 */
export class TtlCache<K, V> {
  private readonly entries = new Map<K, { value: V; until: number }>()
  constructor(
    private readonly ttlMs: number,
    private readonly max: number,
  ) {}

  async get(key: K, load: () => Promise<V>): Promise<V> {
    const hit = this.peek(key)
    if (hit !== undefined) return hit
    const value = await load()
    this.set(key, value)
    return value
  }

  peek(key: K): V | undefined {
    const hit = this.entries.get(key)
    return hit && hit.until > Date.now() ? hit.value : undefined
  }

  set(key: K, value: V): void {
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value as K)
    this.entries.set(key, { value, until: Date.now() + this.ttlMs })
  }

  clear(): void {
    this.entries.clear()
  }
}

/**
 * One cache per data source: two app instances in one process (tests) or two databases never share
 * rows. `make` runs on a data source's first use.
 */
export function cachePerDataSource<C extends object>(make: () => C): (ds: DataSource) => C {
  const byDataSource = new WeakMap<DataSource, C>()
  return (ds) => {
    let cache = byDataSource.get(ds)
    if (!cache) {
      cache = make()
      byDataSource.set(ds, cache)
    }
    return cache
  }
}
