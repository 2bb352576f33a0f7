import 'reflect-metadata'
import { ConfigError, loadConfig } from './config'
import { listen } from './app'
import { openDatabase } from './db/data-source'
import { HttpWechatApi } from './integrations/wechat/client'
import { createLogger } from './lib/logger'
import { connectRedisUsers } from './redis-users'
import { startWechatStandin } from './standins/wechat/server'
import { seedDemoData } from './demo/seed'
import { seedDemoTickets } from './demo/demo-tickets'
import { seedDemoMessages } from './demo/demo-messages'
import type { AppContext } from './context'
import { startJobs } from './jobs'
import { join } from 'node:path'

/** config → database (migrated) → outside systems → app → listen; Ctrl-C closes them in reverse. */
async function main() {
  const config = loadConfig()
  const log = createLogger(config.logLevel)
  const ds = await openDatabase(config.database)
  if (process.env.DEMO_DATA === '1' && !config.production) {
    const demo = await seedDemoData(ds, join(config.dataDir, 'files'))
    if (demo) log.info('demo data loaded', { ...demo })
  }
  const standin = config.wechat.standin
    ? await startWechatStandin({ appId: config.wechat.appId, appSecret: config.wechat.appSecret, pushToken: config.wechat.pushToken })
    : null
  const wechatBase = config.wechat.apiBase ?? standin!.url
  const { appId, appSecret, miniprogramState } = config.wechat
  const { realtime, limits } = await connectRedisUsers({
    redisUrl: config.redisUrl,
    prefix: config.redisPrefix,
    log,
    points: config.limits,
  })
  const ctx: AppContext = {
    config,
    ds,
    log,
    realtime,
    limits,
    wechat: new HttpWechatApi({ baseUrl: wechatBase, appId, appSecret, miniprogramState }),
    wechatStandinUrl: standin?.url ?? null,
    now: () => new Date(),
  }
  const server = await listen(ctx, config.port, config.host)
  const addr = server.address()
  const port = typeof addr === 'object' && addr ? addr.port : config.port
  // Our own address, for what must reach us from outside (the stand-in's pushes and image fetches).
  const selfHost = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host
  config.selfBaseUrl = `http://${selfHost.includes(':') ? `[${selfHost}]` : selfHost}:${port}`
  standin?.setPushUrl(`${config.selfBaseUrl}/api/wechat/push`)
  log.info('listening', {
    url: `http://${config.host}:${port}`,
    database: config.database.type,
    wechat: standin ? 'stand-in' : 'real',
    realtime: config.redisUrl ? 'redis' : 'single instance',
  })
  if (process.env.DEMO_DATA === '1' && !config.production) {
    const tickets = await seedDemoTickets(ctx)
    if (tickets) log.info('demo tickets loaded', { tickets })
    const notices = await seedDemoMessages(ctx)
    if (notices) log.info('demo notices loaded', { notices })
  }
  const stopJobs = startJobs(ctx, config.jobs)
  process.send?.({ type: 'listening', port })

  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    log.info('stopping', { signal })
    server.close()
    server.closeIdleConnections?.()
    await stopJobs()
    await realtime.close()
    await limits.close()
    await standin?.close()
    await ds.destroy()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop('SIGINT'))
  process.on('SIGTERM', () => void stop('SIGTERM'))
}

main().catch((err) => {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`)
  } else {
    process.stderr.write(`Anju failed to start: ${err instanceof Error ? err.stack : String(err)}\n`)
  }
  process.exit(1)
})
