/**
 * The Redis the two-instance runs relay through: BENCH_REDIS_URL (default redis://127.0.0.1:6379),
 * on this machine only. Each run uses its own key prefix and removes every key under it at the
 * end, so it shares a Redis with other work without touching it.
 */
const { randomBytes } = require('node:crypto')
const Redis = require('ioredis')
const { onCleanup } = require('../lib/cleanup')

function redisUrl() {
  const url = new URL(process.env.BENCH_REDIS_URL || 'redis://127.0.0.1:6379')
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname))
    throw new Error(`BENCH_REDIS_URL must point at this machine, not ${url.hostname}`)
  return url.toString().replace(/\/$/, '')
}

/** The server's version when Redis answers, else null (the two-instance runs are then skipped). */
async function redisVersion(url) {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null })
  client.on('error', () => undefined)
  try {
    await client.connect()
    return /redis_version:(\S+)/.exec(await client.info('server'))?.[1] ?? '?'
  } catch {
    return null
  } finally {
    client.disconnect()
  }
}

/** A fresh prefix (as REDIS_PREFIX accepts it) whose keys are deleted at cleanup. */
function scratchPrefix(url) {
  const prefix = `anju-bench-${randomBytes(4).toString('hex')}:`
  onCleanup(`delete redis keys ${prefix}*`, async () => {
    const client = new Redis(url, { maxRetriesPerRequest: 1 })
    try {
      let cursor = '0'
      do {
        const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000)
        if (keys.length) await client.del(...keys)
        cursor = next
      } while (cursor !== '0')
    } finally {
      client.disconnect()
    }
  })
  return prefix
}

module.exports = { redisUrl, redisVersion, scratchPrefix }
