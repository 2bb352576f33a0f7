import type { WebSocket } from 'ws'
import type { ClientFrame, ServerFrame } from '@anju/shared'
import { REALTIME_CLOSE_UNAUTHORIZED } from '@anju/shared'
import type { Logger } from '../lib/logger'
import type { AuthUser } from '../middleware/auth'
import type { Client, Hub } from './hub'
import type { Presence } from './presence'

/** What the realtime layer asks of the rest of the server; it knows nothing of conversations itself. */
export interface SocketHooks {
  /** Verifies the access token: the user, the topics they listen on and when the token expires. Throws when invalid. */
  authenticate(token: string): Promise<{ user: AuthUser; topics: string[]; expiresAt: number }>
  /** The app has messages up to `seq`: record 已送达. */
  acknowledge(user: AuthUser, conversationId: number, seq: number): Promise<void>
}

const AUTH_TIMEOUT_MS = 10_000

const send = (ws: WebSocket, frame: ServerFrame) => {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame))
}

function parse(data: unknown): ClientFrame | null {
  try {
    const frame = JSON.parse(String(data)) as ClientFrame
    return frame && typeof frame === 'object' && typeof frame.type === 'string' ? frame : null
  } catch {
    return null
  }
}

function refuse(ws: WebSocket, code: string, message: string): void {
  send(ws, { type: 'error', code, message })
  ws.close(REALTIME_CLOSE_UNAUTHORIZED, code)
}

/**
 * One socket's life: the first frame must be `auth` within 10 s; then it joins its topics, counts
 * as present, and is closed with 4401 when its access token expires (the app renews and reconnects).
 */
export function handleConnection(ws: WebSocket, deps: { hub: Hub; presence: Presence; hooks: SocketHooks; log: Logger }): void {
  let client: Client | null = null
  let expiry: NodeJS.Timeout | null = null
  let ackHandler: ((f: Extract<ClientFrame, { type: 'ack' }>) => Promise<void>) | null = null
  const authTimer = setTimeout(() => refuse(ws, 'unauthenticated', '请先登录'), AUTH_TIMEOUT_MS)

  ws.on('pong', () => {
    if (client) client.lastSeen = Date.now()
  })
  ws.on('message', (data) => {
    const frame = parse(data)
    if (client) client.lastSeen = Date.now()
    if (!frame) return send(ws, { type: 'error', code: 'validation_failed', message: '无法识别的消息' })
    if (!client) {
      if (frame.type !== 'auth' || typeof frame.token !== 'string') return refuse(ws, 'unauthenticated', '请先登录')
      clearTimeout(authTimer)
      deps.hooks.authenticate(frame.token).then(
        ({ user, topics, expiresAt }) => {
          if (ws.readyState !== ws.OPEN) return
          client = { ws, userId: user.id, topics, lastSeen: Date.now() }
          deps.hub.join(client)
          void deps.presence.connected(user.id).catch(() => undefined)
          expiry = setTimeout(() => refuse(ws, 'token_expired', '登录已过期，请重新登录'), Math.max(0, expiresAt - Date.now()))
          send(ws, { type: 'ready', userId: user.id })
          ackHandler = (f) => deps.hooks.acknowledge(user, f.conversationId, f.seq)
        },
        (err: { code?: string; message?: string }) => refuse(ws, err.code ?? 'unauthenticated', err.message ?? '登录信息无效，请重新登录'),
      )
      return
    }
    if (frame.type === 'ping') return send(ws, { type: 'pong' })
    if (frame.type === 'ack' && Number.isInteger(frame.conversationId) && Number.isInteger(frame.seq)) {
      return void ackHandler?.(frame).catch((err: unknown) => deps.log.debug('ack not recorded', { error: err instanceof Error ? err.message : String(err) }))
    }
  })
  ws.on('close', () => {
    clearTimeout(authTimer)
    if (expiry) clearTimeout(expiry)
    if (!client) return
    deps.hub.leave(client)
    void deps.presence.disconnected(client.userId).catch(() => undefined)
  })
  ws.on('error', () => ws.terminate())
}
