/**
 * The messaging bench: residents write to their building's officer at a fixed rate while every
 * one of them, and every officer, holds a socket open.
 *   1. one instance (no Redis: the in-memory bus), against a bare node:http + ws relay doing the
 *      same work without the app (no database, no auth) at the same rate and socket count;
 *   2. two instances on one database through Redis, sends to A and every socket on B, so every
 *      frame crosses Redis; against the bare relay through Redis pub/sub, laid out the same way;
 *   3. each instance's RSS idle, with the sockets open, and under load.
 * Prints its figures beside their targets (p99 < 100 ms; two instances within 2× of one); asserts
 * nothing.
 */
const { randomBytes } = require('node:crypto')
const { readFileSync } = require('node:fs')
const { join } = require('node:path')
const { openPool, scratchDatabase } = require('./lib/database')
const { root, runnerFloorKb, startServer } = require('./lib/server')
const { jsonClient } = require('./lib/http')
const { messagingFixtures } = require('./messaging/fixtures')
const { startRawServer } = require('./messaging/raw')
const { redisUrl, redisVersion, scratchPrefix } = require('./messaging/redis')
const { printReport } = require('./messaging/report')
const { ackMode, runScenario } = require('./messaging/scenario')

const DEFAULTS = { sockets: 1000, rate: 200, seconds: 30, warmup: 5, ack: 'others', two: 1, profile: 0 }

const step = (text) => console.log(`  · ${text}`)

/** The server's per-user limit, as server/src/lib/rate-limit.ts declares it (points a minute). */
function messagesPerMinute() {
  const source = readFileSync(join(root, 'server/src/lib/rate-limit.ts'), 'utf8')
  const found = /\bmessages:\s*\{\s*points:\s*(\d+),\s*seconds:\s*60\b/.exec(source)
  if (!found) throw new Error('server/src/lib/rate-limit.ts no longer declares messages as points per 60 seconds; update the bench')
  return Number(found[1])
}

/** The server's pool size, as its data source sets it (mysql2's default when it sets none). */
function serverPoolSize() {
  const source = readFileSync(join(root, 'server/src/db/data-source.ts'), 'utf8')
  return Number(/connectionLimit:\s*(\d+)/.exec(source)?.[1] ?? 10)
}

async function run(options) {
  const o = { ...DEFAULTS, ...options }
  ackMode(o.ack) // an unknown --ack fails here, not after a minute of setup
  const limit = messagesPerMinute()
  const perResident = (o.rate / o.sockets) * 60
  // Warm-up and measurement both fall in the server's one-minute window: stay well under it.
  if (perResident > limit * 0.8)
    throw new Error(
      `--rate=${o.rate} over --sockets=${o.sockets} residents is ${perResident.toFixed(1)} messages a minute each; the server refuses more than ${limit}`,
    )
  // Every instance signs and verifies with the same secrets, as a deployment's instances do; tokens
  // outlive the whole bench, so no socket is closed for expiry mid-run.
  const secret = randomBytes(48).toString('base64url')
  const common = { JWT_SECRET: secret, DATA_KEY: randomBytes(32).toString('hex') }
  const ttlSeconds = 3600

  const db = await scratchDatabase()
  step(`scratch database ${db.name}; starting one instance (migrations, demo district)`)
  const one = await startServer({ databaseUrl: db.url, name: 'messaging-one', env: common, profile: o.profile === 1 })
  const pool = openPool(db.url, 4)
  step(`${o.sockets} residents in on-duty buildings, each opening a conversation (POST /api/conversations)`)
  const fixtures = await messagingFixtures({ pool, api: jsonClient(one.url, { connections: 16 }), secret, count: o.sockets, ttlSeconds })
  await pool.close()
  const out = {
    options: o,
    perResident,
    limit,
    serverPool: serverPoolSize(),
    database: db.name,
    fixtures: summary(fixtures),
    logFiles: [one.logFile],
    floor: await runnerFloorKb(),
  }

  const scenario = (label, args) => {
    step(
      `${label}: ${fixtures.officers.length + fixtures.residents.length} sockets, ${o.rate} msg/s, ${o.warmup} s warm-up + ${o.seconds} s`,
    )
    return runScenario({ fixtures, o, ...args })
  }

  const rawOne = await startRawServer({ name: 'one' })
  out.rawOne = await scenario('raw relay, one process', {
    sendUrl: rawOne.url,
    socketUrl: rawOne.url,
    servers: { server: rawOne.pid },
    raw: true,
  })
  await rawOne.stop()
  out.appOne = await scenario('app, one instance', {
    sendUrl: one.url,
    socketUrl: one.url,
    servers: { server: one.pid },
    database: db.name,
  })
  await one.stop()

  const url = redisUrl()
  out.redis = o.two === 1 ? await redisVersion(url) : null
  if (out.redis) Object.assign(out, await twoInstances({ db, url, common, o, scenario, out }))
  else step(o.two === 1 ? `no Redis at ${url} (BENCH_REDIS_URL): two-instance runs skipped` : 'two-instance runs skipped (--two=0)')
  printReport(out)
  return out
}

/** Both topologies through Redis, every frame sent on A and delivered on B. */
async function twoInstances({ db, url, common, o, scenario, out }) {
  const prefix = scratchPrefix(url)
  const env = { ...common, REDIS_URL: url, REDIS_PREFIX: prefix }
  const rawA = await startRawServer({ name: 'A', env })
  const rawB = await startRawServer({ name: 'B', env })
  const rawTwo = await scenario('raw relay, two processes through Redis', {
    sendUrl: rawA.url,
    socketUrl: rawB.url,
    servers: { A: rawA.pid, B: rawB.pid },
    raw: true,
  })
  await rawA.stop()
  await rawB.stop()

  // One after the other: A finds the database migrated and seeded by the first instance, and B
  // starts only once A has; neither seeds again (DEMO_DATA=0), so nothing races at start. Both run
  // the first instance's build, so all three run the same code.
  step(`starting instances A and B with Redis (prefix ${prefix})`)
  const profile = o.profile === 1
  const a = await startServer({ databaseUrl: db.url, name: 'messaging-a', env: { ...env, DEMO_DATA: '0' }, profile, build: false })
  const b = await startServer({ databaseUrl: db.url, name: 'messaging-b', env: { ...env, DEMO_DATA: '0' }, profile, build: false })
  out.logFiles.push(a.logFile, b.logFile)
  const appTwo = await scenario('app, two instances through Redis', {
    sendUrl: a.url,
    socketUrl: b.url,
    servers: { A: a.pid, B: b.pid },
    database: db.name,
  })
  await a.stop()
  await b.stop()
  return { rawTwo, appTwo }
}

function summary(f) {
  const perOfficer = new Map()
  for (const r of f.residents) perOfficer.set(r.officerUserId, (perOfficer.get(r.officerUserId) ?? 0) + 1)
  return {
    residents: f.residents.length,
    officers: f.officers.length,
    buildings: f.buildings,
    openSeconds: f.openSeconds,
    maxPerOfficer: Math.max(...perOfficer.values()),
  }
}

module.exports = {
  name: 'messaging',
  summary:
    'message delivery latency to 1,000 sockets at 200 msg/s, one instance and two through Redis, vs a bare http+ws relay; RSS per instance',
  run,
}
