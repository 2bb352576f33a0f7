/** The tickets bench's table: each figure, the baseline it is read against, the ratio and the target. */
const { format: f } = require('../lib/stats')
const { printTable, verdict } = require('../lib/table')

const CREATE_TARGET = 0.6
const LIST_TARGET = 1.5
const RSS_TARGET_KB = 200 * 1024
const n = (x) => x.toLocaleString('en')
const pair = (l) => `${f.ms(l.p50)} / ${f.ms(l.p99)}`
const times = (x) => f.times(x)

/** CPU milliseconds per ticket: server / database / load generator. */
function cpuPerTicket(run) {
  const per = (k) => (run.cpu.seconds[k] * 1000) / (run.tickets ?? run.latency.n)
  const text = (k) => (Number.isFinite(per(k)) ? per(k).toFixed(1) : '–')
  return {
    text: `${text('server')} / ${text('database')} / ${text('bench')} ms`,
    total: ['server', 'database', 'bench'].reduce((a, k) => a + (Number.isFinite(per(k)) ? per(k) : 0), 0),
  }
}

const shares = (cpu) => ['server', 'database', 'bench', 'other', 'idle'].map((k) => f.percent(cpu.share[k])).join(' / ')

function createRows(out) {
  const { http, raw, raw50, rawReads, serverPool, options: o, duplicates, pool } = out
  const ratio = http.rate / raw.rate
  return [
    {
      section: `create: POST /api/tickets, ${o.clients} clients, ${n(http.ran)} tickets in ${http.seconds.toFixed(1)} s${http.stoppedEarly ? ' (time limit reached)' : ''}`,
    },
    {
      measure: 'tickets/s, HTTP vs raw writes',
      figure: f.perSecond(http.rate),
      baseline: `${f.perSecond(raw.rate)} (pool ${serverPool})`,
      ratio: f.percent(ratio),
      target: '≥ 60 %',
      verdict: verdict(ratio, CREATE_TARGET, true),
    },
    {
      measure: 'latency p50 / p99',
      figure: pair(http.latency),
      baseline: pair(raw.latency),
      ratio: times(http.latency.p99 / raw.latency.p99),
    },
    { measure: 'HTTP requests/s (incl. replays)', figure: f.perSecond(http.requestRate) },
    {
      measure: 'CPU per ticket: server / MariaDB / load generator',
      figure: cpuPerTicket(http).text,
      baseline: cpuPerTicket(raw).text,
      ratio: times(cpuPerTicket(http).total / cpuPerTicket(raw).total),
    },
    { measure: 'machine CPU: server / MariaDB / bench / others / idle', figure: shares(http.cpu), baseline: shares(raw.cpu) },
    { measure: 'raw writes, the two runs', figure: '', baseline: out.rawRuns.map(f.perSecond).join(', ') },
    {
      measure: `raw writes, pool ${o.clients} (pool size check)`,
      figure: '',
      baseline: f.perSecond(raw50.rate),
      ratio: `${f.percent(raw50.rate / raw.rate)} of pool ${serverPool}`,
    },
    {
      measure: 'tickets/s, HTTP vs raw writes + reads',
      figure: f.perSecond(http.rate),
      baseline: f.perSecond(rawReads.rate),
      ratio: f.percent(http.rate / rawReads.rate),
      target: '(info)',
    },
    {
      measure: 'server DB connections open / busy max / busy mean',
      figure: `${pool.open} / ${pool.busyMax} / ${pool.busyMean.toFixed(1)}`,
      baseline: `pool ${serverPool}`,
      ratio: `all busy ${f.percent(pool.saturatedShare)} of time`,
    },
    { measure: 'HTTP errors', figure: String(http.errors), target: '0', verdict: http.errors === 0 ? 'meets' : 'MISSES' },
    { section: `idempotency: every 20th report sent twice with one clientKey (${http.replays} pairs)` },
    {
      measure: 'replays answered with the first ticket',
      figure: `${http.replaysAnsweredWithFirst} of ${http.replays}`,
      target: 'all',
      verdict: http.replaysAnsweredWithFirst === http.replays ? 'meets' : 'MISSES',
    },
    {
      measure: 'clientKeys sent / stored / ticket rows',
      figure: `${n(duplicates.keys)} / ${n(duplicates.distinct)} / ${n(duplicates.rows)}`,
    },
    {
      measure: 'duplicates',
      figure: String(duplicates.duplicates),
      target: '0',
      verdict: duplicates.duplicates === 0 ? 'meets' : 'MISSES',
    },
  ]
}

function listRows(out) {
  const { small, large, listRequests, deepPages } = out.options
  const a = out.lists[small]
  const b = out.lists[large]
  const rows = [
    {
      section: `workbench: GET /api/workbench, ${listRequests} sequential first pages, then up to ${deepPages} pages by nextCursor; baseline = the same at ${n(small)}`,
    },
  ]
  if (!a || !b) return rows
  for (const key of Object.keys(a.results)) {
    const s = a.results[key]
    const l = b.results[key]
    const ratio = l.first.p99 / s.first.p99
    rows.push({
      measure: `${s.name}: p50 / p99 at ${n(large)}`,
      figure: pair(l.first),
      baseline: pair(s.first),
      ratio: times(ratio),
      target: '≤ 1.5×',
      verdict: verdict(ratio, LIST_TARGET, false),
    })
    rows.push({
      measure: '  pages 2–21 by nextCursor p50 / p99',
      figure: pair(l.near),
      baseline: pair(s.near),
      ratio: times(l.near.p99 / s.near.p99),
    })
    if (l.far.n) {
      rows.push({
        measure: `  pages ${l.lastPage - l.far.n + 1}–${l.lastPage} vs pages 2–21, at ${n(large)}`,
        figure: pair(l.far),
        baseline: pair(l.near),
        ratio: times(l.far.p99 / l.near.p99),
        target: '≈ 1× (keyset)',
        verdict: verdict(l.far.p99 / l.near.p99, LIST_TARGET, false),
      })
    }
    rows.push({ measure: `  open counts at ${n(large)}: pending/active/warning/overdue`, figure: Object.values(l.counts ?? {}).join('/') })
  }
  return rows
}

function memoryRows(out) {
  const { rss, idleRssKb } = out
  const max = Math.max(rss.create, rss.list)
  return [
    { section: 'memory: server VmRSS sampled every 100 ms; baseline = idle after warm-up' },
    {
      measure: 'server RSS max under create load',
      figure: f.mb(rss.create),
      baseline: f.mb(idleRssKb),
      ratio: times(rss.create / idleRssKb),
      target: '≤ 200 MB',
      verdict: verdict(rss.create, RSS_TARGET_KB, false),
    },
    {
      measure: 'server RSS max under list load',
      figure: f.mb(rss.list),
      baseline: f.mb(idleRssKb),
      ratio: times(rss.list / idleRssKb),
      target: '≤ 200 MB',
      verdict: verdict(rss.list, RSS_TARGET_KB, false),
    },
    {
      measure: 'server RSS max under load',
      figure: f.mb(max),
      baseline: f.mb(idleRssKb),
      ratio: times(max / idleRssKb),
      target: '≤ 200 MB',
      verdict: verdict(max, RSS_TARGET_KB, false),
    },
    { measure: 'server VmHWM (peak since start, incl. migrations)', figure: f.mb(rss.peak) },
    { measure: 'runner floor: bare node, empty file', figure: f.mb(rss.floor.bareNode) },
    { measure: 'server RSS max above that floor', figure: f.mb(max - rss.floor.bareNode) },
  ]
}

function printReport(out) {
  printTable('tickets bench', [...createRows(out), ...listRows(out), ...memoryRows(out)])
  console.log(`\nduplicates: ${out.duplicates.duplicates}`)
  if (out.http.firstErrors.length) console.log(`first HTTP errors: ${out.http.firstErrors.join(' | ')}`)
  const gens = Object.entries(out.lists).map(
    ([size, l]) => `${n(Number(size))}: +${n(l.generated.added)} rows in ${l.generated.seconds.toFixed(0)} s`,
  )
  console.log(`bulk generation: ${gens.join('; ')}`)
  console.log(`server log: ${out.logFile}`)
  if (out.explain)
    console.log(`\nworkbench query plans at ${n(out.options.large)} (MariaDB ANALYZE: rows = estimate, r_rows = read):\n${out.explain}`)
}

module.exports = { printReport }
