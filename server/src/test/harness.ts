import 'reflect-metadata'
import { randomBytes } from 'node:crypto'
import type { Server } from 'node:http'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Redis from 'ioredis'
import { createConnection } from 'mysql2/promise'
import type { DataSource } from 'typeorm'
import type { TokenPair } from '@anju/shared'
import { listen } from '../app'
import { createRealtime } from '../realtime'
import { loadConfig } from '../config'
import type { AppContext } from '../context'
import { openDatabase, type DatabaseConfig } from '../db/data-source'
import { seedDemoData, type DemoSummary } from '../demo/seed'
import { HttpWechatApi } from '../integrations/wechat/client'
import { createLogger } from '../lib/logger'
import { createRateLimits } from '../lib/rate-limit'
import { mintStandinCode, startWechatStandin, type WechatStandin } from '../standins/wechat/server'
import { TEST_REDIS_URL, testRedisPrefix } from './redis'

/**
 * A scratch database for one test file: a temporary SQLite file, or — when TEST_DATABASE_URL is
 * set, as in CI — a fresh MariaDB database created beside the given one and dropped afterwards.
 */
export async function scratchDatabase(): Promise<{ config: DatabaseConfig; dataDir: string; drop: () => Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'anju-test-'))
  const url = process.env.TEST_DATABASE_URL
  if (!url) {
    return {
      config: { type: 'sqlite', file: join(dataDir, 'test.sqlite') },
      dataDir,
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    }
  }
  const name = `anju_t_${randomBytes(5).toString('hex')}`
  const admin = await createConnection(url)
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`)
  await admin.end()
  const dbUrl = new URL(url)
  dbUrl.pathname = `/${name}`
  return {
    config: { type: 'mysql', url: dbUrl.toString() },
    dataDir,
    drop: async () => {
      const c = await createConnection(url)
      await c.query(`DROP DATABASE IF EXISTS \`${name}\``)
      await c.end()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

export interface TestApp {
  url: string
  ctx: AppContext
  ds: DataSource
  standin: WechatStandin
  demo: DemoSummary | null
  /** The clock the app reads; tests move it to expire tokens. */
  clock: { now: Date }
  call(
    method: string,
    path: string,
    opts?: { token?: string; body?: unknown; raw?: string; contentType?: string },
  ): Promise<{ status: number; body: any }>
  loginAs(openid: string): Promise<TokenPair>
  close(): Promise<void>
}

/** `TestApp.call` against the instance at `url` (a peer instance's too). */
export function callAt(url: string): TestApp['call'] {
  return async (method, path, o = {}) => {
    const headers: Record<string, string> = {}
    if (o.token) headers.authorization = `Bearer ${o.token}`
    let body: string | undefined
    if (o.raw !== undefined) {
      body = o.raw
      headers['content-type'] = o.contentType ?? 'application/json'
    } else if (o.body !== undefined) {
      body = JSON.stringify(o.body)
      headers['content-type'] = 'application/json'
    }
    const res = await fetch(url + path, { method, headers, body })
    const text = await res.text()
    return { status: res.status, body: text ? JSON.parse(text) : null }
  }
}

/**
 * A server instance against a scratch database and its own WeChat stand-in. `redisUrl` joins it to
 * other instances' realtime (`startPeerInstance` starts one more on the same database).
 */
export async function startTestApp(
  opts: { seed?: boolean; redisUrl?: string; redisPrefix?: string; env?: Record<string, string> } = {},
): Promise<TestApp> {
  const db = await scratchDatabase()
  const config = { ...loadConfig({ NODE_ENV: 'test', DATA_DIR: db.dataDir, LOG_LEVEL: 'silent', ...opts.env }), database: db.config }
  const ds = await openDatabase(db.config)
  const demo = opts.seed === false ? null : await seedDemoData(ds, join(db.dataDir, 'files'))
  const standin = await startWechatStandin({
    appId: config.wechat.appId,
    appSecret: config.wechat.appSecret,
    pushToken: config.wechat.pushToken,
  })
  const clock = { now: new Date() }
  const log = createLogger((process.env.TEST_LOG_LEVEL as 'debug' | undefined) ?? 'silent')
  const realtime = await createRealtime({ redisUrl: opts.redisUrl ?? null, prefix: opts.redisPrefix ?? config.redisPrefix, log })
  const limits = await createRateLimits({
    redisUrl: opts.redisUrl ?? null,
    prefix: opts.redisPrefix ?? config.redisPrefix,
    log,
    points: config.limits,
  })
  const ctx: AppContext = {
    config,
    ds,
    log,
    realtime,
    limits,
    wechat: new HttpWechatApi({
      baseUrl: standin.url,
      appId: config.wechat.appId,
      appSecret: config.wechat.appSecret,
      miniprogramState: config.wechat.miniprogramState,
    }),
    wechatStandinUrl: standin.url,
    now: () => clock.now,
  }
  const server: Server = await listen(ctx, 0, '127.0.0.1')
  const addr = server.address()
  const url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`
  config.selfBaseUrl = url
  standin.setPushUrl(`${url}/api/wechat/push`)

  const call = callAt(url)

  const loginAs = async (openid: string) => {
    const code = await mintStandinCode(standin.url, openid)
    const res = await call('POST', '/api/auth/wechat-login', { body: { code } })
    if (res.status !== 200) throw new Error(`login as ${openid} failed: ${JSON.stringify(res.body)}`)
    return res.body as TokenPair
  }

  return {
    url,
    ctx,
    ds,
    standin,
    demo,
    clock,
    call,
    loginAs,
    close: async () => {
      await realtime.close()
      await limits.close()
      await new Promise((resolve) => server.close(resolve))
      await standin.close()
      await ds.destroy()
      await db.drop()
    },
  }
}

/**
 * A second server instance beside `first`: the same database (its own connection pool on MariaDB;
 * the same handle on SQLite, whose one file allows one writer per process) and the same Redis.
 */
export async function startPeerInstance(
  first: TestApp,
  redis: { url: string; prefix: string },
): Promise<{ url: string; ctx: AppContext; close(): Promise<void> }> {
  const own = first.ctx.config.database.type === 'mysql'
  const ds = own ? await openDatabase(first.ctx.config.database) : first.ds
  const realtime = await createRealtime({ redisUrl: redis.url, prefix: redis.prefix, log: first.ctx.log })
  const limits = await createRateLimits({ redisUrl: redis.url, prefix: redis.prefix, log: first.ctx.log, points: first.ctx.config.limits })
  const ctx: AppContext = { ...first.ctx, ds, realtime, limits }
  const server = await listen(ctx, 0, '127.0.0.1')
  const addr = server.address()
  return {
    url: `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`,
    ctx,
    close: async () => {
      await realtime.close()
      await limits.close()
      await new Promise((resolve) => server.close(resolve))
      if (own) await ds.destroy()
    },
  }
}

export type PeerInstance = Awaited<ReturnType<typeof startPeerInstance>>

/**
 * Two instances on one scratch database, joined through the test Redis under a prefix of their
 * own; `close` stops both and deletes the prefix's keys.
 */
export async function startTwoInstances(): Promise<{ first: TestApp; peer: PeerInstance; close(): Promise<void> }> {
  const redis = { url: TEST_REDIS_URL, prefix: testRedisPrefix('anju_t') }
  const first = await startTestApp({ redisUrl: redis.url, redisPrefix: redis.prefix })
  const peer = await startPeerInstance(first, redis)
  return {
    first,
    peer,
    close: async () => {
      await peer.close()
      await first.close()
      const client = new Redis(redis.url)
      const keys = await client.keys(`${redis.prefix}*`)
      if (keys.length) await client.del(...keys)
      await client.quit()
    },
  }
}
