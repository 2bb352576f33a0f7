import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { createServer } from 'node:net'
import Redis from 'ioredis'
import { AppError } from '../errors/app-error'
import { createLogger } from './logger'
import { createRateLimits, type RateLimits } from './rate-limit'

/** A Redis of our own, so that this test can kill it without touching the shared one. */
async function startRedis(): Promise<{ url: string; process: ChildProcess }> {
  const port = await new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port
      s.close(() => resolve(p))
    })
  })
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' })
  const url = `redis://127.0.0.1:${port}`
  for (let tries = 0; ; tries++) {
    const probe = new Redis(url, { lazyConnect: true, retryStrategy: () => null })
    probe.on('error', () => undefined)
    try {
      await probe.connect()
      await probe.quit()
      return { url, process: child }
    } catch (err) {
      probe.disconnect()
      if (tries > 100) {
        child.kill('SIGKILL')
        throw err
      }
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }
}

/** How a consume ends: allowed, or the refusal's status and Retry-After. */
const attempt = (limits: RateLimits, key: string) =>
  limits.consume('messages', key).then(
    () => 'ok',
    (err: unknown) => (err instanceof AppError ? `${err.status} after ${err.retryAfterSeconds}s` : `threw ${String(err)}`),
  )

describe('rate limits shared through Redis', () => {
  let redis: { url: string; process: ChildProcess }
  let a: RateLimits
  let b: RateLimits
  const log = createLogger('silent')
  beforeAll(async () => {
    redis = await startRedis()
    const prefix = `anju_t_${randomBytes(4).toString('hex')}:`
    a = await createRateLimits({ redisUrl: redis.url, prefix, log, points: { messages: 5 } })
    b = await createRateLimits({ redisUrl: redis.url, prefix, log, points: { messages: 5 } })
  })
  afterAll(async () => {
    await a?.close()
    await b?.close()
    redis?.process.kill('SIGKILL')
  })

  it('count once across instances, and keep limiting from memory when Redis goes away instead of failing or locking people out', async () => {
    const shared = await Promise.all([a, b, a, b, a, b].map((limits) => attempt(limits, 'resident-1')))
    expect(shared.filter((r) => r === 'ok').length).toBe(5)
    expect(shared.filter((r) => /^429 after \d+s$/.test(r)).length).toBe(1)

    redis.process.kill('SIGKILL')
    await new Promise((resolve) => redis.process.once('exit', resolve))
    // This instance now counts alone, in memory: the resident is not locked out, a flood still is.
    const alone = []
    for (let i = 0; i < 7; i++) alone.push(await attempt(a, 'resident-1'))
    expect(alone.slice(0, 5)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok'])
    expect(alone.slice(5)).toEqual([expect.stringMatching(/^429 after \d+s$/), expect.stringMatching(/^429 after \d+s$/)])
  })
})
