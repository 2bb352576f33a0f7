/** The messaging bench's table: each figure, the raw relay's in the same run, their ratio and the target. */
const { cpus } = require('node:os')
const { format: f } = require('../lib/stats')
const { printTable, verdict } = require('../lib/table')
const { LOST_AFTER_MS } = require('./load')

const ACKS = {
  1: 'on every message frame, as the app sends them',
  0: 'off (--ack=0)',
  others: "only for the other side's messages (--ack=others)",
}
const P99_TARGET_MS = 100
const NOISY_SHARE = 0.15
const TWO_VS_ONE_TARGET = 2
const n = (x) => x.toLocaleString('en')
const pair = (l) => `${f.ms(l.p50)} / ${f.ms(l.p99)}`
const mbs = (...kbs) => kbs.map(f.mb).join(' / ')

const shares = (cpu, servers) => [...servers, 'database', 'redis', 'bench', 'other', 'idle'].map((k) => f.percent(cpu.share[k])).join(' / ')

const statementsText = (s) =>
  s ? [s.Questions, s.Com_select, s.Com_insert, s.Com_update, s.Com_commit].map((x) => x.toFixed(1)).join(' / ') : '–'
/**
 * CPU milliseconds per message answered in the measured seconds (the work those seconds did, even
 * when a backlog from the warm-up is what got answered): the least disturbed figure on a shared machine.
 */
const perMessage = (run, k) => (run.cpu.seconds[k] * 1000) / (run.answeredRate * run.seconds)
const serverCpu = (run, servers) => servers.reduce((sum, k) => sum + perMessage(run, k), 0)
const cpuPerMessage = (run, servers) =>
  [serverCpu(run, servers), perMessage(run, 'database'), perMessage(run, 'bench')]
    .map((x) => (Number.isFinite(x) ? x.toFixed(2) : '–'))
    .join(' / ')

const throughput = (run) => `${f.perSecond(run.answeredRate)}; ${n(run.backlog)}`
const extras = (run) => [run.skipped, run.retried, run.sockets.earlyCloses].map(n).join(' / ')
const failures = (run) => [run.errors, run.unanswered, run.lost, run.late].map(n).join(' / ')
const busiest = (run, servers) => Math.max(...servers.map((k) => perMessage(run, k)))
const cores = cpus().length
/** Sends piling up, or a server's one thread busy all the time: the latency then is mostly queue. */
const saturated = (run, servers) =>
  run.answeredRate < 0.95 * run.rate || run.backlog > run.rate / 2 || servers.some((k) => run.cpu.share[k] * cores >= 0.9)

/** The rows both topologies share. */
function runRows(app, raw, { title, servers, serverPool }) {
  const ratio = app.officer.p99 / raw.officer.p99
  return [
    { section: title },
    {
      measure: "delivery to the officer's socket p50 / p99",
      figure: pair(app.officer),
      baseline: pair(raw.officer),
      ratio: f.times(ratio),
      target: `p99 < ${P99_TARGET_MS} ms`,
      verdict: `${verdict(app.officer.p99, P99_TARGET_MS, false)}${saturated(app, servers) ? ' (server saturated)' : ''}`,
    },
    {
      measure: "  to the sender's own socket p50 / p99",
      figure: pair(app.self),
      baseline: pair(raw.self),
      ratio: f.times(app.self.p99 / raw.self.p99),
    },
    { measure: '  max', figure: f.ms(app.officer.max), baseline: f.ms(raw.officer.max) },
    { measure: 'HTTP send p50 / p99', figure: pair(app.http), baseline: pair(raw.http), ratio: f.times(app.http.p99 / raw.http.p99) },
    {
      measure: `answered/s while sending ${app.rate}/s; sends waiting at the end`,
      figure: throughput(app),
      baseline: throughput(raw),
      ratio: f.percent(app.answeredRate / raw.answeredRate),
    },
    {
      measure: `send errors / unanswered / lost / late (> ${LOST_AFTER_MS / 1000} s)`,
      figure: failures(app),
      baseline: failures(raw),
      target: '0 / 0 / 0 / 0',
      verdict: app.errors + app.unanswered + app.lost + app.late === 0 ? 'meets' : 'MISSES',
    },
    {
      measure: '  sends skipped (backlog full) / retried (connection reset) / sockets closed early',
      figure: extras(app),
      baseline: extras(raw),
    },
    {
      measure: 'officer got the frame before the sender got 201',
      figure: f.percent(app.frameBeforeAnswer),
      baseline: f.percent(raw.frameBeforeAnswer),
    },
    { measure: 'receipts frames (acks → 已送达), whole run', figure: n(app.frames.receipts), baseline: n(raw.frames.receipts) },
    {
      measure: `CPU: ${servers.join(' / ')} / MariaDB / Redis / bench / others / idle`,
      figure: shares(app.cpu, servers),
      baseline: shares(raw.cpu, servers),
    },
    {
      measure: 'server DB connections open / busy max / busy mean',
      figure: app.pool ? `${app.pool.open} / ${app.pool.busyMax} / ${app.pool.busyMean.toFixed(1)}` : '–',
      baseline: `pool ${servers.length > 1 ? `${servers.length} × ` : ''}${serverPool}`,
    },
    {
      measure: 'statements per message: all / SELECT / INSERT / UPDATE / COMMIT',
      figure: statementsText(app.perMessage),
      baseline: '0 (no database)',
    },
    {
      measure: `CPU ms per message: ${servers.join(' + ')} / MariaDB / bench`,
      figure: cpuPerMessage(app, servers),
      baseline: cpuPerMessage(raw, servers),
      ratio: f.times(serverCpu(app, servers) / serverCpu(raw, servers)),
    },
    {
      measure: 'messages/s the busiest server process could take (1000 / its CPU ms per message)',
      figure: f.perSecond(1000 / busiest(app, servers)),
      baseline: f.perSecond(1000 / busiest(raw, servers)),
    },
    { measure: 'sockets connected in', figure: `${app.sockets.seconds.toFixed(1)} s`, baseline: `${raw.sockets.seconds.toFixed(1)} s` },
    {
      measure: 'load generator event-loop delay p99 / max',
      figure: `${f.ms(app.loadgenLoopDelay.p99)} / ${f.ms(app.loadgenLoopDelay.max)}`,
      baseline: `${f.ms(raw.loadgenLoopDelay.p99)} / ${f.ms(raw.loadgenLoopDelay.max)}`,
    },
  ]
}

function memoryRows(out) {
  const rows = [
    { section: 'memory: VmRSS before the sockets / with them open / max under load (sampled every 100 ms); baseline = the raw relay' },
  ]
  const add = (label, app, raw, key) => {
    const a = app.rss
    const r = raw.rss
    rows.push({
      measure: label,
      figure: mbs(a.idle[key], a.connected[key], a.loaded[key]),
      baseline: mbs(r.idle[key], r.connected[key], r.loaded[key]),
      ratio: f.times(a.loaded[key] / r.loaded[key]),
    })
  }
  add('one instance', out.appOne, out.rawOne, 'server')
  if (out.appTwo) {
    add('instance A (takes the sends)', out.appTwo, out.rawTwo, 'A')
    add('instance B (holds the sockets)', out.appTwo, out.rawTwo, 'B')
  }
  rows.push({ measure: 'runner floor: bare node, empty file', figure: f.mb(out.floor.bareNode) })
  return rows
}

function printReport(out) {
  const { options: o, fixtures: fx } = out
  const sockets = fx.residents + fx.officers
  const rows = runRows(out.appOne, out.rawOne, {
    title: `one instance: ${n(sockets)} sockets (${n(fx.residents)} residents + ${fx.officers} officers), ${o.rate} msg/s for ${o.seconds} s; baseline = bare http + ws relay, same sockets, rate and acks`,
    servers: ['server'],
    serverPool: out.serverPool,
  })
  if (out.appTwo) {
    rows.push(
      ...runRows(out.appTwo, out.rawTwo, {
        title:
          'two instances through Redis: sends to A, every socket on B (every frame crosses Redis); baseline = bare relay through Redis pub/sub, same layout',
        servers: ['A', 'B'],
        serverPool: out.serverPool,
      }),
    )
    const two = out.appTwo.officer.p99 / out.appOne.officer.p99
    // Two queues compared say nothing about the relay through Redis.
    const queued = saturated(out.appOne, ['server']) || saturated(out.appTwo, ['A', 'B'])
    rows.push({
      measure: 'two instances / one: officer p99',
      figure: f.times(two),
      baseline: f.times(out.rawTwo.officer.p99 / out.rawOne.officer.p99),
      target: `≤ ${TWO_VS_ONE_TARGET}×`,
      verdict: queued ? 'n/a (saturated)' : verdict(two, TWO_VS_ONE_TARGET, false),
    })
  }
  rows.push(...memoryRows(out))
  printTable('messaging bench', rows)

  console.log(
    `\nload: each resident sends every ${(o.sockets / o.rate).toFixed(1)} s (${out.perResident.toFixed(0)}/min; the server allows ${out.limit}); ${fx.buildings} buildings, up to ${fx.maxPerOfficer} residents per officer; acks ${ACKS[o.ack] ?? o.ack}`,
  )
  console.log(`conversations opened in ${fx.openSeconds.toFixed(1)} s`)
  if (!out.appTwo) console.log('two instances: not run (no Redis, or --two=0)')
  else console.log(`Redis ${out.redis}`)
  const runs = [
    ['raw, one process', out.rawOne],
    ['app, one instance', out.appOne],
    ['raw, two processes', out.rawTwo],
    ['app, two instances', out.appTwo],
  ].filter(([, r]) => r)
  for (const [label, r] of runs) {
    if (r.firstErrors.length) console.log(`first send errors, ${label}: ${r.firstErrors.join(' | ')}`)
    // Work this bench did not start (other people's runs) competes for the same two cores.
    if (r.cpu.share.other > NOISY_SHARE)
      console.log(
        `note: other work took ${f.percent(r.cpu.share.other)} of this machine during "${label}"; its figures are disturbed: run again when the machine is quieter`,
      )
  }
  console.log(`server logs: ${out.logFiles.join(', ')}`)
  if (o.profile === 1) console.log('server CPU profiles: artifacts/bench/messaging-{one,a,b}-server.cpuprofile')
}

module.exports = { printReport }
