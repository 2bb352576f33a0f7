import type Redis from 'ioredis'
import type { RedisOptions } from 'ioredis'

/**
 * For clients whose callers have something better to do than wait for Redis (count in memory,
 * deliver locally, answer presence from this instance): a command while disconnected fails at
 * once instead of waiting in the offline queue for a Redis that may not come back. Disconnecting
 * from a Redis that already went away leaves ioredis's socket-close timer running for
 * `disconnectTimeout` (2 s by default), holding a stopping process open: 200 ms is plenty.
 */
export const FAIL_FAST: RedisOptions = { enableOfflineQueue: false, maxRetriesPerRequest: 1, disconnectTimeout: 200 }

/**
 * Closes a client whatever state it is in. quit() waits for Redis's reply, which a Redis that is
 * away never sends: a link that is down is just dropped. One already ended is left alone
 * (disconnecting it again leaves a reconnect timer that keeps the process from exiting).
 */
export async function closeRedis(client: Redis): Promise<void> {
  if (client.status === 'end') return
  if (client.status === 'ready') await client.quit().catch(() => client.disconnect())
  else client.disconnect()
}
