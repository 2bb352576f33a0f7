/**
 * The tickets bench, on MariaDB:
 *   1. creation through the HTTP API (auth, validation, idempotency, routing) from 50 concurrent
 *      residents, against the same rows written by raw mysql2 in the same run;
 *   2. idempotency under retry: replays return the first ticket, and no clientKey makes two rows;
 *   3. workbench list latency at 10 k and at 1 M bulk-generated tickets;
 *   4. the server's RSS under both loads.
 * Prints its figures beside their targets; asserts nothing.
 */
const { readFileSync } = require('node:fs')
const { join } = require('node:path')
const { openPool, scratchDatabase } = require('./lib/database')
const { cpuMeter, findProcess } = require('./lib/cpu')
const { jsonClient } = require('./lib/http')
const { poolMonitor } = require('./lib/pool-monitor')
const { rssSampler } = require('./lib/rss')
const { root, runnerFloorKb, startServer } = require('./lib/server')
const { createLoad } = require('./tickets/create-load')
const { explainWorkbench } = require('./tickets/explain')
const { loadFixtures } = require('./tickets/fixtures')
const { generateTickets } = require('./tickets/generate')
const { rawBaseline } = require('./tickets/raw-baseline')
const { printReport } = require('./tickets/report')
const { login, newResidents } = require('./tickets/sessions')
const { workbenchLoad } = require('./tickets/workbench-load')

const DEFAULTS = {
  clients: 50,
  create: 3000,
  small: 10_000,
  large: 1_000_000,
  listRequests: 200,
  deepPages: 500,
  seconds: 60,
  profile: 0,
  explain: 0,
}

/** The server's pool size, as its data source sets it (mysql2's default when it sets none). */
function serverPoolSize() {
  const source = readFileSync(join(root, 'server/src/db/data-source.ts'), 'utf8')
  const match = /connectionLimit:\s*(\d+)/.exec(source)
  return match ? Number(match[1]) : 10
}

async function run(options) {
  const o = { ...DEFAULTS, ...options }
  const db = await scratchDatabase()
  step(`scratch database ${db.name}; starting the server (migrations, demo district)`)
  const server = await startServer({ databaseUrl: db.url, name: 'tickets', profile: o.profile === 1 })
  const setup = openPool(db.url, 4)
  const fixtures = await loadFixtures(setup)
  await setup.close()
  const bench = {
    o,
    db,
    fixtures,
    deadlineMs: o.seconds * 1000,
    api: jsonClient(server.url, { connections: o.clients * 2 + 4 }),
    rss: rssSampler(server.pid),
    serverPool: serverPoolSize(),
    cpuOf: { server: server.pid, database: findProcess(['mariadbd', 'mysqld']), bench: process.pid },
  }
  const out = { options: o, serverPool: bench.serverPool, database: db.name, logFile: server.logFile }
  Object.assign(out, await measureCreate(bench))
  out.lists = await measureLists(bench)
  if (bench.explain) out.explain = bench.explain
  out.rss = { create: bench.rss.maxKb('create'), list: bench.rss.maxKb('list'), peak: bench.rss.peakKb(), floor: await runnerFloorKb() }
  bench.rss.stop()
  printReport(out)
  return out
}

const step = (text) => console.log(`  · ${text}`)

/** Runs `fn` while metering who used the CPU; returns its result with `cpu` attached. */
async function metered(pids, fn) {
  const meter = cpuMeter(pids)
  meter.start()
  const result = await fn()
  return { ...result, cpu: meter.stop() }
}

/** Creation over HTTP, bracketed by raw runs, then the raw variants; and the duplicate count. */
async function measureCreate(b) {
  const { o, api, db, rss, serverPool, deadlineMs } = b
  const residents = await newResidents(api, b.fixtures.buildings, o.clients)
  const {
    body: { items },
  } = await api.expect(200, 'GET', '/api/ticket-categories?kind=hazard', { token: residents[0].token })
  const categories = items.filter((c) => !c.alertDesk)
  // Warm-up, not measured: compiles the request path and fills the server's pool.
  await createLoad({ api, residents, categories, count: o.clients * 2, deadlineMs, retryEvery: 1e9 })
  const idleRssKb = rss.nowKb()

  const raw = async (label, { pool = serverPool, withReads = false } = {}) => {
    step(`raw mysql2: ${label}`)
    const p = openPool(db.url, pool)
    try {
      const fixtures = { ...b.fixtures, plainHazards: categories }
      const r = await metered(b.cpuOf, () =>
        rawBaseline({ pool: p, fixtures, reporters: residents, count: o.create, deadlineMs, withReads }),
      )
      if (r.errors) throw new Error(`raw baseline failed ${r.errors} times: ${r.firstError}`)
      return r
    } finally {
      await p.close()
    }
  }
  // Two writes-only runs bracket the HTTP run; the better one is the baseline.
  const rawBefore = await raw(`writes only, pool ${serverPool}, before`)

  step(`HTTP: ${o.create} tickets from ${o.clients} residents`)
  const monitor = await poolMonitor(db.name)
  monitor.setLimit(serverPool)
  rss.phase('create')
  const http = await metered(b.cpuOf, () => createLoad({ api, residents, categories, count: o.create, deadlineMs }))
  rss.phase(null)
  const pool = await monitor.stop()
  const duplicates = await countDuplicates(db.url, http.sentKeys)

  const rawAfter = await raw(`writes only, pool ${serverPool}, after`)
  return {
    idleRssKb,
    http,
    pool,
    duplicates,
    raw: rawAfter.rate > rawBefore.rate ? rawAfter : rawBefore,
    rawRuns: [rawBefore.rate, rawAfter.rate],
    raw50: await raw(`writes only, pool ${o.clients}`, { pool: o.clients }),
    rawReads: await raw(`writes + the server's reads, pool ${serverPool}`, { withReads: true }),
  }
}

/**
 * Empties the ticket tables for generated data. MariaDB refuses TRUNCATE of a table that a
 * foreign key names, so the checks are off for this one connection while every table that
 * hangs off a ticket is emptied with it (nothing is left pointing at a ticket that is gone).
 */
async function emptyTicketTables(pool) {
  const conn = await pool.getConnection()
  try {
    await conn.query('SET FOREIGN_KEY_CHECKS = 0')
    for (const table of ['ticket_photo', 'ticket_whistle', 'desk_alert', 'ticket_event', 'ticket'])
      await conn.query(`TRUNCATE TABLE ${table}`)
  } finally {
    await conn.query('SET FOREIGN_KEY_CHECKS = 1').catch(() => {})
    conn.release()
  }
}

/** The workbench at the small and the large size, on generated tickets; the plans when it slows. */
async function measureLists(b) {
  const { o, api, rss, fixtures } = b
  const lists = {}
  const gen = openPool(b.db.url, 2)
  try {
    // Measured on generated data alone: a year in id order, the same shape at both sizes.
    await emptyTicketTables(gen)
    for (const [size, seed] of [
      [o.small, 1],
      [o.large, 2],
    ]) {
      step(`bulk-generating tickets up to ${size.toLocaleString('en')}`)
      const made = await generateTickets({ pool: gen, fixtures, target: size, seed, deadlineMs: 15 * 60_000 })
      step(`  ${made.added.toLocaleString('en')} rows in ${made.seconds.toFixed(0)} s; measuring GET /api/workbench`)
      // Logged in afresh for each size: an access token lasts 15 minutes.
      const sessions = { officer: await login(api, 'demo-officer-1'), desk: await login(api, 'demo-dispatcher-2') }
      rss.phase('list')
      lists[size] = {
        generated: made,
        results: await workbenchLoad({ api, sessions, requests: o.listRequests, deepPages: o.deepPages, deadlineMs: b.deadlineMs }),
      }
      rss.phase(null)
    }
    const small = lists[o.small].results
    const large = lists[o.large].results
    const slower = Object.keys(small).some(
      (k) => large[k].first.p99 > 1.5 * small[k].first.p99 || large[k].far.p99 > 1.5 * large[k].near.p99,
    )
    if (slower || o.explain === 1) {
      step('explaining the workbench queries')
      b.explain = await explainWorkbench(gen, { officerId: fixtures.staff.get('demo-officer-1').id, districtId: fixtures.districtId })
    }
  } finally {
    await gen.close()
  }
  return lists
}

/** Rows per clientKey the HTTP run sent: more rows than keys would be a retry that made a second ticket. */
async function countDuplicates(url, keys) {
  const pool = openPool(url, 1)
  try {
    let rows = 0
    let distinct = 0
    for (let i = 0; i < keys.length; i += 1000) {
      const [[r]] = await pool.query('SELECT COUNT(*) AS n, COUNT(DISTINCT clientKey) AS d FROM ticket WHERE clientKey IN (?)', [
        keys.slice(i, i + 1000),
      ])
      rows += Number(r.n)
      distinct += Number(r.d)
    }
    return { keys: keys.length, rows, distinct, duplicates: rows - distinct }
  } finally {
    await pool.close()
  }
}

module.exports = {
  name: 'tickets',
  summary: 'ticket creation over HTTP vs raw mysql2, idempotency under retry, workbench p99 at 10 k and 1 M, server RSS',
  run,
}
