/**
 * The sending side: POST /api/conversations/:id/messages at a fixed rate, whatever the server
 * answers (open loop: a slow server shows up as latency and backlog, not as a politely lower
 * rate), each message from the next resident in turn, so each sends once every sockets/rate
 * seconds, under the server's per-user limit.
 *
 * Delivery latency is the time from starting the HTTP request to the frame arriving at a socket,
 * both read from this process's monotonic clock, matched by the message's clientId. Two sockets
 * get each message: the officer's (the recipient) and the sender's own (the app shows it on the
 * resident's other devices). After the measured seconds the bench waits for the last answers and
 * frames until nothing has arrived for LOST_AFTER_MS: a message accepted (201) whose frame never
 * reached the officer by then is lost; one that arrived later than LOST_AFTER_MS is late.
 */
const { randomUUID } = require('node:crypto')
const { monitorEventLoopDelay, performance } = require('node:perf_hooks')
const { latency } = require('../lib/stats')

const LOST_AFTER_MS = 5_000
const TICK_MS = 5
const MAX_IN_FLIGHT = 2_000
const DRAIN_MAX_MS = 30_000
const TEXTS = [
  '您好，楼道里的灯又坏了，晚上出门不方便',
  '请问居住证明在哪里办理？',
  '小区东门门禁坏了，外来人员随便进出',
  '好的，谢谢民警同志',
  '楼下有车一直停在消防通道上',
  '我家老人接到一个自称社保局的电话，让转账',
]

/** Frames by clientId; `onFrame` is given to connectSockets. */
function frameTracker() {
  const sent = new Map()
  let receipts = 0
  let other = 0
  const tracker = {
    sent,
    /** When the last frame or answer came: the drain stops once this is LOST_AFTER_MS old. */
    lastAt: performance.now(),
    onFrame(person, frame, at) {
      tracker.lastAt = at
      if (frame.type === 'receipts') return void receipts++
      if (frame.type !== 'message') return void (frame.type === 'pong' || other++)
      const record = sent.get(frame.message.clientId)
      if (!record) return void other++
      if (person.role === 'officer') record.officerAt ??= at
      else record.selfAt ??= at
    },
    counts: () => ({ receipts, other }),
  }
  return tracker
}

/**
 * Sends for `warmupSeconds` (not counted) then `seconds` (measured), then waits for the last frames.
 * `send(resident, clientId, text)` starts the request and resolves { status, ms }.
 */
async function sendLoad({ residents, rate, seconds, warmupSeconds, tracker, send, onMeasureStart = () => {}, onMeasureEnd = () => {} }) {
  const loop = monitorEventLoopDelay({ resolution: 5 })
  const problems = []
  let inFlight = 0
  let skipped = 0
  let turn = 0
  let measuring = false
  let answeredWhileMeasuring = 0

  const fire = () => {
    if (inFlight >= MAX_IN_FLIGHT) return void (measuring && skipped++)
    const resident = residents[turn++ % residents.length]
    const clientId = randomUUID()
    const record = { t0: performance.now(), measured: measuring, status: null, httpMs: NaN, officerAt: null, selfAt: null }
    tracker.sent.set(clientId, record)
    inFlight++
    send(resident, clientId, TEXTS[turn % TEXTS.length])
      .then(
        (res) => {
          tracker.lastAt = performance.now()
          if (measuring) answeredWhileMeasuring++
          record.status = res.status
          record.httpMs = res.ms
          if (res.status !== 201 && record.measured) problems.push(`${res.status} ${JSON.stringify(res.body).slice(0, 160)}`)
        },
        (err) => {
          tracker.lastAt = performance.now()
          record.status = 0
          if (record.measured) problems.push(err.message)
        },
      )
      .finally(() => inFlight--)
  }

  const phase = (ms) =>
    new Promise((resolve) => {
      const start = performance.now()
      let issued = 0
      const timer = setInterval(() => {
        const elapsed = performance.now() - start
        const due = Math.min(Math.floor((elapsed * rate) / 1000), Math.round((ms * rate) / 1000))
        while (issued < due) {
          fire()
          issued++
        }
        if (elapsed >= ms) {
          clearInterval(timer)
          resolve({ issued, seconds: elapsed / 1000 })
        }
      }, TICK_MS)
    })

  await phase(warmupSeconds * 1000)
  measuring = true
  onMeasureStart()
  loop.enable()
  const measured = await phase(seconds * 1000)
  loop.disable()
  measuring = false
  const backlog = inFlight
  onMeasureEnd()

  // A saturated server answers long after the last send: wait while answers and frames still come.
  const lastSend = performance.now()
  const pending = () =>
    [...tracker.sent.values()].some((r) => r.status === null || (r.status === 201 && (r.officerAt === null || r.selfAt === null)))
  while (pending() && performance.now() - tracker.lastAt < LOST_AFTER_MS && performance.now() - lastSend < DRAIN_MAX_MS)
    await new Promise((r) => setTimeout(r, 50))
  return summarize(tracker, {
    measured,
    skipped,
    problems,
    loop,
    rate,
    backlog,
    answeredRate: answeredWhileMeasuring / measured.seconds,
    drainSeconds: (performance.now() - lastSend) / 1000,
  })
}

function summarize(tracker, { measured, skipped, problems, loop, rate, backlog, answeredRate, drainSeconds }) {
  const rows = [...tracker.sent.values()].filter((r) => r.measured)
  const accepted = rows.filter((r) => r.status === 201)
  const toOfficer = accepted.filter((r) => r.officerAt !== null).map((r) => r.officerAt - r.t0)
  const toSelf = accepted.filter((r) => r.selfAt !== null).map((r) => r.selfAt - r.t0)
  tracker.sent.clear()
  return {
    rate,
    seconds: measured.seconds,
    issued: measured.issued,
    accepted: accepted.length,
    // Answers that came while sending: what the server kept up with, backlog or not.
    answeredRate,
    backlog,
    drainSeconds,
    skipped,
    errors: problems.length,
    unanswered: rows.filter((r) => r.status === null).length,
    firstErrors: [...new Set(problems)].slice(0, 3),
    lost: accepted.length - toOfficer.length,
    lostSelf: accepted.length - toSelf.length,
    late: toOfficer.filter((ms) => ms > LOST_AFTER_MS).length,
    http: latency(rows.filter((r) => r.status !== null && r.status !== 0).map((r) => r.httpMs)),
    officer: latency(toOfficer),
    self: latency(toSelf),
    // Frames that beat the HTTP answer: the push is not waiting on the response.
    frameBeforeAnswer: accepted.filter((r) => r.officerAt !== null && r.officerAt - r.t0 < r.httpMs).length / (accepted.length || 1),
    loadgenLoopDelay: { p99: loop.percentile(99) / 1e6, max: loop.max / 1e6 },
    frames: tracker.counts(),
  }
}

module.exports = { frameTracker, sendLoad, LOST_AFTER_MS }
