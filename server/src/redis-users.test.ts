import { createServer } from 'node:net'
import { createLogger } from './lib/logger'
import { connectRedisUsers } from './redis-users'
import { testRedisPrefix } from './test/redis'

/**
 * An instance started while Redis is down waits for the realtime bus and the rate limits side by
 * side, not one after the other, and then serves alone: realtime says it is down and the limits
 * count in memory.
 */
const deadRedisUrl = () =>
  new Promise<string>((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => resolve(`redis://127.0.0.1:${port}`))
    })
    s.on('error', reject)
  })

describe('start-up while Redis is down', () => {
  let starting: ReturnType<typeof connectRedisUsers> | undefined
  afterAll(async () => {
    const started = await starting
    await started?.realtime.close()
    await started?.limits.close()
  })

  it('the rate limits find Redis down while the realtime bus is still waiting for it, and the instance then serves alone', async () => {
    const said: string[] = []
    let limitsSawRedisDown: () => void = () => undefined
    const limitsNoticed = new Promise<void>((resolve) => (limitsSawRedisDown = resolve))
    const log = createLogger('debug', (line) => {
      const { msg } = JSON.parse(line) as { msg: string }
      said.push(msg)
      if (msg.startsWith('rate limits: Redis unreachable')) limitsSawRedisDown()
    })
    starting = connectRedisUsers({ redisUrl: await deadRedisUrl(), prefix: testRedisPrefix(), log })
    await limitsNoticed
    // One after the other, the rate limits only tried Redis once the bus had given up on it.
    expect(said).not.toContain('redis realtime not reachable at start: serving this instance alone until it is')

    const { realtime, limits } = await starting
    expect(said).toContain('redis realtime not reachable at start: serving this instance alone until it is')
    expect(realtime.status()).toBe('down')
    expect(await realtime.ping()).toBe('down')
    await expect(limits.consume('messages', 'someone')).resolves.toBeUndefined()
  })
})
