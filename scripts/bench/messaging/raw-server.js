/**
 * The raw baseline's server, run as its own process as the app is: node:http and `ws` and nothing
 * else. A POST to /api/conversations/:id/messages becomes a message frame of the app's shape, sent
 * to the sockets of the users the body names (`to`), and answered 201 with the message; an `ack`
 * from a socket becomes a receipts frame to the same users, as the app's acks do. No database, no
 * validation, no auth: a socket's `auth` token is read for its subject, not verified.
 *
 * With REDIS_URL it relays as the app's RedisBus does: every frame is published on one channel as
 * `<conversation>;<user,user>\n<frame JSON>`, and each instance (itself included) delivers what it
 * hears to the sockets it holds, without parsing the frame again.
 *
 * Tells its parent { type: 'listening', port } over IPC.
 */
const http = require('node:http')
const { WebSocketServer } = require('ws')

const CHANNEL = `${process.env.REDIS_PREFIX ?? 'anju-bench:'}raw`
const socketsOf = new Map() // userId → Set<ws>
const usersOf = new Map() // conversationId → user ids, learnt from the frames delivered
const seqOf = new Map()
let nextId = 1

function deliver(conversationId, users, frameJson) {
  usersOf.set(conversationId, users)
  for (const user of users) for (const ws of socketsOf.get(user) ?? []) if (ws.readyState === ws.OPEN) ws.send(frameJson)
}

let publish = async (conversationId, users, frameJson) => deliver(conversationId, users, frameJson)

async function connectRedis(url) {
  const Redis = require('ioredis')
  const pub = new Redis(url)
  const sub = new Redis(url)
  sub.on('message', (_channel, raw) => {
    const cut = raw.indexOf('\n')
    const [conversation, users] = raw.slice(0, cut).split(';')
    deliver(Number(conversation), users.split(',').map(Number), raw.slice(cut + 1))
  })
  await sub.subscribe(CHANNEL)
  publish = async (conversationId, users, frameJson) =>
    void (await pub.publish(CHANNEL, `${conversationId};${users.join(',')}\n${frameJson}`))
}

const subjectOf = (token) => Number(JSON.parse(Buffer.from(String(token).split('.')[1] ?? '', 'base64url').toString('utf8') || '{}').sub)

async function postMessage(req, res, conversationId) {
  const chunks = []
  for await (const c of req) chunks.push(c)
  const body = JSON.parse(Buffer.concat(chunks).toString('utf8'))
  const senderId = subjectOf((req.headers.authorization ?? '').slice(7))
  const seq = (seqOf.get(conversationId) ?? 0) + 1
  seqOf.set(conversationId, seq)
  const message = {
    id: nextId++,
    conversationId,
    seq,
    clientId: body.clientId,
    kind: 'text',
    side: 'resident',
    sender: { userId: senderId, name: '居民' },
    label: null,
    text: body.text,
    image: null,
    ticket: null,
    held: false,
    createdAt: new Date().toISOString(),
  }
  // As the app: the frame goes out before the answer.
  await publish(conversationId, body.to, JSON.stringify({ type: 'message', message }))
  const answer = JSON.stringify({ message, replayed: false })
  res.writeHead(201, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(answer) })
  res.end(answer)
}

const server = http.createServer((req, res) => {
  const match = req.method === 'POST' && /^\/api\/conversations\/(\d+)\/messages$/.exec(req.url)
  if (!match) return void res.writeHead(404).end()
  postMessage(req, res, Number(match[1])).catch((err) => res.writeHead(500).end(String(err.message)))
})

const wss = new WebSocketServer({ server, path: '/api/realtime', maxPayload: 4096 })
wss.on('connection', (ws) => {
  let userId = null
  ws.on('message', (data) => {
    const frame = JSON.parse(data)
    if (userId === null) {
      userId = subjectOf(frame.token)
      if (!socketsOf.has(userId)) socketsOf.set(userId, new Set())
      socketsOf.get(userId).add(ws)
      return void ws.send(JSON.stringify({ type: 'ready', userId }))
    }
    if (frame.type === 'ping') return void ws.send('{"type":"pong"}')
    if (frame.type === 'ack') {
      const users = usersOf.get(frame.conversationId) ?? [userId]
      const receipts = { residentDeliveredSeq: frame.seq, residentReadSeq: 0, staffDeliveredSeq: frame.seq, staffReadSeq: 0 }
      void publish(frame.conversationId, users, JSON.stringify({ type: 'receipts', conversationId: frame.conversationId, receipts }))
    }
  })
  ws.on('close', () => socketsOf.get(userId)?.delete(ws))
  ws.on('error', () => ws.terminate())
})

async function main() {
  if (process.env.REDIS_URL) await connectRedis(process.env.REDIS_URL)
  server.listen(0, '127.0.0.1', () => process.send({ type: 'listening', port: server.address().port }))
}

process.on('SIGTERM', () => process.exit(0))
main().catch((err) => {
  console.error(err)
  process.exit(1)
})
