import { createServer, connect, type Server, type Socket } from 'node:net'
import type { DataSource } from 'typeorm'
import { openDatabase } from './db/data-source'
import { startTestApp, type TestApp } from './test/harness'
import { startOwnRedis, testRedisPrefix, type OwnRedis } from './test/redis'

/**
 * When the database or Redis cannot be reached, requests answer 503 `unavailable` with
 * Retry-After (not 500 `internal`), /api/health says which dependency is down, /api/ready tells a
 * load balancer to stop sending traffic; when the dependency returns, so does the service.
 */
// An 'error' event nobody listens to fails the test here: Jest reports the uncaught error.

const get = async (t: TestApp, path: string, token?: string) => {
  const res = await fetch(t.url + path, { headers: token ? { authorization: `Bearer ${token}` } : {} })
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as any }
}

const unavailable = { error: { code: 'unavailable', message: expect.stringMatching(/[\u4e00-\u9fff]/) } }

/** A TCP proxy in front of MariaDB that the test can cut (drop every connection, refuse new ones) and restore. */
async function startProxy(target: { host: string; port: number }) {
  const sockets = new Set<Socket>()
  let cut = false
  const server: Server = createServer((client) => {
    if (cut) return void client.destroy()
    const upstream = connect(target.port, target.host)
    const end = () => {
      client.destroy()
      upstream.destroy()
      sockets.delete(client)
      sockets.delete(upstream)
    }
    for (const s of [client, upstream]) {
      sockets.add(s)
      s.on('error', end)
      s.on('close', end)
    }
    client.pipe(upstream).pipe(client)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const addr = server.address()
  return {
    port: typeof addr === 'object' && addr ? addr.port : 0,
    cut: () => {
      cut = true
      for (const s of sockets) s.destroy()
    },
    restore: () => {
      cut = false
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      }),
  }
}

describe('the database goes away and comes back', () => {
  let t: TestApp
  let token: string
  let refreshToken: string
  let proxy: Awaited<ReturnType<typeof startProxy>> | null = null
  let direct: DataSource

  beforeAll(async () => {
    t = await startTestApp()
    direct = t.ctx.ds
    const db = t.ctx.config.database
    if (db.type === 'mysql') {
      // The app's own connections go through the proxy: cutting it is the network to MariaDB failing.
      const url = new URL(db.url)
      proxy = await startProxy({ host: url.hostname, port: Number(url.port || 3306) })
      url.host = `127.0.0.1:${proxy.port}`
      t.ctx.ds = await openDatabase({ type: 'mysql', url: url.toString() })
    }
    ;({ accessToken: token, refreshToken } = await t.loginAs('demo-resident-1'))
  })
  afterAll(async () => {
    if (proxy) {
      await t.ctx.ds.destroy().catch(() => undefined)
      t.ctx.ds = direct
      await proxy.close()
    }
    await t.close()
  })

  /**
   * MariaDB: every connection to it dropped and new ones refused. SQLite is a file in this
   * process, so there is no network to fail; the honest equivalent is the data source closed
   * under the app (as during a shutdown, or after the driver lost its file handle).
   */
  const cutDatabase = async () => (proxy ? proxy.cut() : await t.ctx.ds.destroy())
  const restoreDatabase = async () => (proxy ? proxy.restore() : await t.ctx.ds.initialize())

  it('answers normally while the database is there', async () => {
    expect(await get(t, '/api/health')).toMatchObject({ status: 200, body: { status: 'ok', database: 'ok', redis: 'not configured' } })
    expect(await get(t, '/api/ready')).toMatchObject({ status: 200, body: { status: 'ready', database: 'ok' } })
    expect((await get(t, '/api/me', token)).status).toBe(200)
  })

  it('while it is down: 503 unavailable with Retry-After, health says database down; afterwards all is well again', async () => {
    await cutDatabase()

    const me = await get(t, '/api/me', token)
    expect(me.status).toBe(503)
    expect(me.body).toEqual(unavailable)
    expect(Number(me.retryAfter)).toBeGreaterThan(0)

    const refresh = await t.call('POST', '/api/auth/refresh', { body: { refreshToken } })
    expect(refresh).toEqual({ status: 503, body: unavailable })

    const health = await get(t, '/api/health')
    expect(health.status).toBe(503)
    expect(health.body).toEqual({ status: 'degraded', database: 'down', redis: 'not configured' })
    expect(Number(health.retryAfter)).toBeGreaterThan(0)
    expect(await get(t, '/api/ready')).toMatchObject({ status: 503, body: { status: 'not ready', database: 'down' } })

    await restoreDatabase()
    expect(await get(t, '/api/health')).toMatchObject({ status: 200, body: { status: 'ok', database: 'ok' } })
    expect(await get(t, '/api/ready')).toMatchObject({ status: 200, body: { status: 'ready' } })
    expect((await get(t, '/api/me', token)).status).toBe(200)
    const again = await t.call('POST', '/api/auth/refresh', { body: { refreshToken } })
    expect(again.status).toBe(200)
  })
})

describe('Redis goes away and comes back', () => {
  let t: TestApp
  let redis: OwnRedis

  /** Polls until the app's view of Redis is `want` (ioredis notices a drop and a return by itself). */
  const redisBecomes = async (want: string) => {
    for (let i = 0; i < 200; i++) {
      const res = await get(t, '/api/health')
      if (res.body.redis === want) return res
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    throw new Error(`redis never became ${want}`)
  }

  beforeAll(async () => {
    redis = await startOwnRedis()
    t = await startTestApp({ seed: false, redisUrl: redis.url, redisPrefix: testRedisPrefix('anju-health') })
  })
  afterAll(async () => {
    await t.close()
    await redis.stop()
  })

  it('health and ready say Redis is down, and up again when it returns', async () => {
    expect(await get(t, '/api/ready')).toMatchObject({ status: 200, body: { status: 'ready', database: 'ok', redis: 'ok' } })

    await redis.stop()
    const health = await redisBecomes('down')
    // The API itself still serves (realtime across instances is what suffers).
    expect(health).toMatchObject({ status: 200, body: { status: 'degraded', database: 'ok', redis: 'down' } })
    const ready = await get(t, '/api/ready')
    expect(ready).toMatchObject({ status: 503, body: { status: 'not ready', database: 'ok', redis: 'down' } })
    expect(Number(ready.retryAfter)).toBeGreaterThan(0)

    await redis.start()
    await redisBecomes('ok')
    expect(await get(t, '/api/ready')).toMatchObject({ status: 200, body: { status: 'ready' } })
  })
})
