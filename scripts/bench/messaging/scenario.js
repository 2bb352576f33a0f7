/**
 * One measured run against one topology (the app or the raw relay; one instance or two): connect
 * every socket, send at the rate for the warm-up and the measured seconds, collect the frames,
 * close. Samples each server process's RSS (before the sockets, with them idle, under load) and
 * who used the CPU while it measured.
 */
const { setTimeout: sleep } = require('node:timers/promises')
const { cpuMeter, findProcess } = require('../lib/cpu')
const { jsonClient } = require('../lib/http')
const { poolMonitor } = require('../lib/pool-monitor')
const { rssSampler } = require('../lib/rss')
const { frameTracker, sendLoad } = require('./load')
const { statementCounter } = require('./statements')
const { connectSockets } = require('./sockets')

/** --ack=1 (the app's behaviour), --ack=0, or --ack=others. */
const ackMode = (ack) =>
  ack === 1
    ? 'all'
    : ack === 0
      ? 'none'
      : ack === 'others'
        ? 'others'
        : (() => {
            throw new Error(`--ack=${ack}: use 1, 0 or others`)
          })()

const mapValues = (obj, fn) => Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, fn(v)]))

/**
 * `servers`: { label: pid } of the processes under test. Sockets connect to `socketUrl`, sends go
 * to `sendUrl`. `raw`: the raw relay needs the recipients named in the body; the app finds them.
 * `database`: the app's scratch database, whose connections are watched while it measures.
 */
async function runScenario({ sendUrl, socketUrl, servers, fixtures, o, raw, database }) {
  const rss = mapValues(servers, (pid) => rssSampler(pid))
  const idle = mapValues(rss, (s) => s.nowKb())
  const tracker = frameTracker()
  // Officers first: every message's recipient is listening before the first one is sent.
  const people = [...fixtures.officers, ...fixtures.residents]
  const sockets = await connectSockets({
    url: `${socketUrl.replace(/^http/, 'ws')}/api/realtime`,
    people,
    ack: ackMode(o.ack),
    onFrame: tracker.onFrame,
  })
  try {
    // The sockets' own start-up work (topics, presence) is over before anything is measured.
    await sleep(1000)
    const connected = mapValues(rss, (s) => s.nowKb())
    const api = jsonClient(sendUrl, { connections: 64, timeoutMs: 10_000 })
    let retried = 0
    const post = (r, body) => api.request('POST', `/api/conversations/${r.conversationId}/messages`, { token: r.token, body })
    const send = async (r, clientId, text) => {
      const body = raw ? { kind: 'text', clientId, text, to: [r.id, r.officerUserId] } : { kind: 'text', clientId, text }
      try {
        return await post(r, body)
      } catch (err) {
        // A keep-alive connection the server closed as it was reused: the app would send again with
        // the same clientId, which is what makes that safe.
        if (err.code !== 'ECONNRESET') throw err
        retried++
        return post(r, body)
      }
    }
    const meter = cpuMeter({
      ...servers,
      database: findProcess(['mariadbd', 'mysqld']),
      redis: findProcess(['redis-server']),
      bench: process.pid,
    })
    const monitor = database ? await poolMonitor(database) : null
    const statements = database ? await statementCounter() : null
    const reads = []
    let cpu = null
    const result = await sendLoad({
      residents: fixtures.residents,
      rate: o.rate,
      seconds: o.seconds,
      warmupSeconds: o.warmup,
      tracker,
      send,
      onMeasureStart: () => {
        if (statements) reads.push(statements.start())
        meter.start()
        for (const s of Object.values(rss)) s.phase('load')
      },
      onMeasureEnd: () => {
        cpu = meter.stop()
        if (statements) reads.push(statements.stop())
        for (const s of Object.values(rss)) s.phase(null)
      },
    })
    const loaded = mapValues(rss, (s) => s.maxKb('load'))
    const pool = monitor ? await monitor.stop() : null
    await Promise.all(reads)
    const perMessage = statements ? await statements.per(result.answeredRate * result.seconds) : null
    return {
      ...result,
      retried,
      cpu,
      pool,
      perMessage,
      rss: { idle, connected, loaded },
      sockets: { count: sockets.count, seconds: sockets.seconds, earlyCloses: sockets.earlyCloses.length },
    }
  } finally {
    await sockets.close()
    for (const s of Object.values(rss)) s.stop()
  }
}

module.exports = { runScenario, ackMode }
