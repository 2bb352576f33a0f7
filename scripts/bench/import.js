/**
 * The places import bench, on MariaDB (`npm run bench -- import`): the duty desk uploads a CSV of
 * `--rows` buildings (default 20,000, laid out as server/src/scripts/generate-places-csv.ts lays
 * them, in the demo district so the demo admin may import them) while one client asks
 * /api/health back to back. Prints health latency during the import beside health at rest (the
 * ratio), the import's rows/s and the server's RSS. Target: health p99 under 100 ms during the
 * import. Asserts nothing.
 *   --rows=20000 --restRequests=300 (health requests measured at rest)
 */
const http = require('node:http')
const { scratchDatabase } = require('./lib/database')
const { jsonClient } = require('./lib/http')
const { rssSampler } = require('./lib/rss')
const { startServer } = require('./lib/server')
const { latency, format } = require('./lib/stats')
const { printTable, verdict } = require('./lib/table')
const { login } = require('./tickets/sessions')

const DEFAULTS = { rows: 20_000, restRequests: 300 }
const HEALTH_P99_TARGET_MS = 100
const HEADER = 'district,street,community,grid,building_code,building,address,units,officer_police_number'

/** 20 buildings to a grid, 10 grids to a community, 8 communities to a street, all in 青山区 (the demo admin's scope). */
function placesCsv(rows) {
  const out = [HEADER]
  for (let i = 0; i < rows; i++) {
    const grid = Math.floor(i / 20)
    const community = Math.floor(grid / 10)
    const street = Math.floor(community / 8)
    out.push(
      [
        '青山区',
        `基准第${street + 1}街道`,
        `基准第${community + 1}社区`,
        `基准第${grid + 1}网格`,
        `BENCH${String(i + 1).padStart(6, '0')}`,
        `${(i % 20) + 1}号楼`,
        `示范路${i + 1}号`,
        String(2 + (i % 3)),
        '',
      ].join(','),
    )
  }
  return Buffer.from(out.join('\n') + '\n')
}

/** POSTs the CSV as the app would (one request, Content-Length set); resolves with the status, the JSON answer and the time. */
function upload(baseUrl, token, body) {
  const url = new URL('/api/places/import', baseUrl)
  const started = process.hrtime.bigint()
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv', 'content-length': String(body.length) },
      },
      (res) => {
        const chunks = []
        res.on('data', (c) => chunks.push(c))
        res.on('end', () =>
          resolve({
            status: res.statusCode,
            body: JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null'),
            seconds: Number(process.hrtime.bigint() - started) / 1e9,
          }),
        )
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

/** Health latencies, one request at a time, until `until()` says stop. */
async function sampleHealth(api, until) {
  const ms = []
  while (!until()) ms.push((await api.expect(200, 'GET', '/api/health')).ms)
  return ms
}

async function run(options) {
  const o = { ...DEFAULTS, ...options }
  const db = await scratchDatabase()
  step(`scratch database ${db.name}; starting the server (migrations, demo district)`)
  const server = await startServer({ databaseUrl: db.url, name: 'import' })
  const api = jsonClient(server.url, { connections: 4 })
  const rss = rssSampler(server.pid)
  const admin = await login(api, 'demo-admin')
  const body = placesCsv(o.rows)

  step(`health at rest: ${o.restRequests} requests`)
  await sampleHealth(
    api,
    (
      (n) => () =>
        n-- <= 0
    )(50),
  ) // warm-up, not measured
  rss.phase('rest')
  let left = o.restRequests
  const rest = latency(await sampleHealth(api, () => left-- <= 0))

  step(`importing ${o.rows} buildings (${format.mb(body.length / 1024)}) while asking /api/health`)
  rss.phase('import')
  let finished = false
  const importing = upload(server.url, admin.token, body).finally(() => {
    finished = true
  })
  const during = latency(await sampleHealth(api, () => finished))
  const result = await importing
  rss.phase(null)
  if (result.status !== 200) throw new Error(`the import answered ${result.status}: ${JSON.stringify(result.body).slice(0, 300)}`)
  const { created, updated, unchanged, errorCount } = result.body
  step(
    `import answered in ${result.seconds.toFixed(1)} s: created ${created}, updated ${updated}, unchanged ${unchanged}, errors ${errorCount}`,
  )

  const restRss = rss.maxKb('rest')
  printTable('places import (health latency during the import vs at rest; server RSS)', [
    { section: 'health while importing' },
    {
      measure: `health p50 (${during.n} requests)`,
      figure: format.ms(during.p50),
      baseline: format.ms(rest.p50),
      ratio: format.times(during.p50 / rest.p50),
    },
    {
      measure: 'health p99',
      figure: format.ms(during.p99),
      baseline: format.ms(rest.p99),
      ratio: format.times(during.p99 / rest.p99),
      target: `< ${HEALTH_P99_TARGET_MS} ms`,
      verdict: verdict(during.p99, HEALTH_P99_TARGET_MS, false),
    },
    { measure: 'health max', figure: format.ms(during.max), baseline: format.ms(rest.max) },
    { section: 'import' },
    { measure: 'rows/s', figure: format.perSecond(o.rows / result.seconds) },
    {
      measure: 'server RSS (max while importing)',
      figure: format.mb(rss.maxKb('import')),
      baseline: format.mb(restRss),
      ratio: format.times(rss.maxKb('import') / restRss),
    },
    { measure: 'server RSS (peak, VmHWM)', figure: format.mb(rss.peakKb()) },
  ])
  rss.stop()
  await server.stop()
  return { rest, during, seconds: result.seconds, result: result.body }
}

const step = (text) => console.log(`  · ${text}`)

module.exports = { name: 'import', summary: 'a 20,000-building places CSV import while /api/health is sampled', run }
