/**
 * The receiving side: one `ws` client socket per person, all in this process, speaking the app's
 * protocol as miniapp/services/realtime.ts does: `auth` first and wait for `ready`, a `ping` every
 * 25 s, and an `ack` for every message frame from the other side (the server turns it into 已送达
 * and a receipts frame to both sides, so a run without acks would measure a lighter server than
 * the real one). `ack`: 'others' (as the app does), 'all' (its own echoes too, as the app did
 * before it skipped them), or 'none'.
 */
const { performance } = require('node:perf_hooks')
const WebSocket = require('ws')

const HEARTBEAT_MS = 25_000 // shared/src/messages/realtime.ts
const READY_TIMEOUT_MS = 20_000
const CLOSE_TIMEOUT_MS = 5_000

const SIDE_OF_ROLE = { resident: 'resident', officer: 'officer' }
const wantsAck = (ack, person, message) => ack === 'all' || (ack === 'others' && message.side !== SIDE_OF_ROLE[person.role])

function openSocket(url, person, { ack, onFrame, onEarlyClose }) {
  return new Promise((resolve, reject) => {
    // No compression, as the server offers none; the default 100 MB payload cap is irrelevant here.
    const ws = new WebSocket(url, { perMessageDeflate: false })
    let ready = false
    const timer = setTimeout(() => {
      ws.terminate()
      reject(new Error(`socket of user ${person.id}: no ready within ${READY_TIMEOUT_MS / 1000} s`))
    }, READY_TIMEOUT_MS)
    ws.on('open', () => ws.send(JSON.stringify({ type: 'auth', token: person.token })))
    ws.on('message', (data) => {
      // Stamped before parsing: parsing is the load generator's cost, not the server's.
      const at = performance.now()
      const frame = JSON.parse(data)
      if (!ready) {
        if (frame.type !== 'ready') return reject(new Error(`socket of user ${person.id}: ${data}`))
        ready = true
        clearTimeout(timer)
        return resolve(ws)
      }
      if (frame.type === 'message' && wantsAck(ack, person, frame.message))
        ws.send(JSON.stringify({ type: 'ack', conversationId: frame.message.conversationId, seq: frame.message.seq }))
      onFrame(person, frame, at)
    })
    ws.on('close', (code) => {
      clearTimeout(timer)
      if (!ready) reject(new Error(`socket of user ${person.id} closed (${code}) before ready`))
      else if (!ws.closing) onEarlyClose(person, code)
    })
    ws.on('error', (err) => {
      if (!ready) reject(err)
    })
  })
}

/**
 * Connects every person's socket, `concurrency` at a time. `onFrame(person, frame, at)` sees every
 * frame after `ready`. Returns { count, seconds, earlyCloses, close() }.
 */
async function connectSockets({ url, people, ack = 'all', onFrame, concurrency = 50 }) {
  const sockets = []
  const earlyCloses = []
  const started = performance.now()
  let next = 0
  const opts = { ack, onFrame, onEarlyClose: (person, code) => earlyCloses.push({ userId: person.id, code }) }
  const worker = async () => {
    while (next < people.length) sockets.push(await openSocket(url, people[next++], opts))
  }
  try {
    await Promise.all(Array.from({ length: concurrency }, worker))
  } catch (err) {
    for (const ws of sockets) ws.terminate()
    throw err
  }
  const seconds = (performance.now() - started) / 1000

  // Pings spread over the heartbeat, as 1,000 phones would send them, not in one burst.
  const TICK_MS = 100
  const perTick = Math.ceil((sockets.length * TICK_MS) / HEARTBEAT_MS)
  let turn = 0
  const heartbeat = setInterval(() => {
    for (let k = 0; k < perTick; k++) {
      const ws = sockets[turn++ % sockets.length]
      if (ws.readyState === WebSocket.OPEN) ws.send('{"type":"ping"}')
    }
  }, TICK_MS)

  async function close() {
    clearInterval(heartbeat)
    await Promise.all(
      sockets.map(
        (ws) =>
          new Promise((resolve) => {
            if (ws.readyState === WebSocket.CLOSED) return resolve()
            ws.closing = true
            const timer = setTimeout(() => {
              ws.terminate()
              resolve()
            }, CLOSE_TIMEOUT_MS)
            ws.once('close', () => {
              clearTimeout(timer)
              resolve()
            })
            ws.close(1000)
          }),
      ),
    )
  }
  return { count: sockets.length, seconds, earlyCloses, close }
}

module.exports = { connectSockets }
