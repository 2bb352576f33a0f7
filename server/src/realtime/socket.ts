import type { RawData, WebSocket } from 'ws'
import type { ClientFrame, RealtimeErrorCode, ServerFrame } from '@anju/shared'
import {
  clientFrameSchema,
  REALTIME_CLOSE_BAD_FRAMES,
  REALTIME_CLOSE_INTERNAL,
  REALTIME_CLOSE_UNAUTHORIZED,
  REALTIME_ERROR_MESSAGES,
  REALTIME_MAX_BAD_FRAMES,
} from '@anju/shared'
import { AppError } from '../errors/app-error'
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

export interface SocketDeps {
  hub: Hub
  presence: Presence
  hooks: SocketHooks
  log: Logger
  /** Called once the socket is authenticated and joined (the hub uses it to say `degraded` to late joiners). */
  joined?: (client: Client) => void
}

const AUTH_TIMEOUT_MS = 10_000
/** setTimeout fires at once for longer delays; a token valid for weeks is simply checked again later. */
const MAX_TIMER_MS = 2 ** 31 - 1
const SESSION_CODES = new Set<RealtimeErrorCode>(['unauthenticated', 'token_expired'])

const send = (ws: WebSocket, frame: ServerFrame) => {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame))
}

const errorFrame = (code: RealtimeErrorCode): ServerFrame => ({ type: 'error', code, message: REALTIME_ERROR_MESSAGES[code] })

/** The app only sends text frames of JSON; anything else is named by a code, never echoed. */
function parse(data: RawData, isBinary: boolean): { frame: ClientFrame } | { error: RealtimeErrorCode } {
  if (isBinary) return { error: 'invalid_json' }
  let json: unknown
  try {
    json = JSON.parse(data.toString())
  } catch {
    return { error: 'invalid_json' }
  }
  const parsed = clientFrameSchema.safeParse(json)
  return parsed.success ? { frame: parsed.data } : { error: 'validation_failed' }
}

/**
 * The code a failure is shown with: an AppError's own code when the app knows it, `internal`
 * otherwise. The real error is logged here (its message only: no token, no frame contents).
 */
function codeOf(err: unknown, log: Logger, what: string): RealtimeErrorCode {
  if (err instanceof AppError && err.code in REALTIME_ERROR_MESSAGES) return err.code as RealtimeErrorCode
  log.error(`realtime ${what} failed`, { error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) })
  return 'internal'
}

/**
 * One socket's life: the first frame must be `auth` within 10 s; then it joins its topics, counts
 * as present, and is closed with 4401 when its access token expires (the app renews and reconnects).
 * No handler here throws: a failure answers this socket (or closes it), never the process.
 */
export function handleConnection(ws: WebSocket, deps: SocketDeps): void {
  let client: Client | null = null
  let user: AuthUser | null = null
  let authenticating = false
  let badFrames = 0
  let expiry: NodeJS.Timeout | null = null
  const refuse = (code: RealtimeErrorCode) => {
    send(ws, errorFrame(code))
    ws.close(SESSION_CODES.has(code) ? REALTIME_CLOSE_UNAUTHORIZED : REALTIME_CLOSE_INTERNAL, code)
  }
  // No auth frame in time, or a token check that hangs (database stalled): either way the socket
  // is not left open and unswept (the sweep only sees authenticated sockets).
  const authTimer = setTimeout(() => refuse(authenticating ? 'internal' : 'unauthenticated'), AUTH_TIMEOUT_MS)

  const authenticate = (token: string) => {
    authenticating = true
    deps.hooks.authenticate(token).then(
      ({ user: who, topics, expiresAt }) => {
        if (ws.readyState !== ws.OPEN) return
        clearTimeout(authTimer)
        user = who
        client = { ws, userId: who.id, topics, lastSeen: Date.now() }
        deps.hub.join(client)
        void deps.presence.connected(who.id).catch(() => undefined)
        expiry = setTimeout(() => refuse('token_expired'), Math.min(MAX_TIMER_MS, Math.max(0, expiresAt - Date.now())))
        send(ws, { type: 'ready', userId: who.id })
        deps.joined?.(client)
      },
      (err: unknown) => refuse(codeOf(err, deps.log, 'authentication')),
    )
  }

  const acknowledge = (who: AuthUser, f: Extract<ClientFrame, { type: 'ack' }>) => {
    deps.hooks.acknowledge(who, f.conversationId, f.seq).catch((err: unknown) => send(ws, errorFrame(codeOf(err, deps.log, 'ack'))))
  }

  const onFrame = (data: RawData, isBinary: boolean) => {
    if (client) client.lastSeen = Date.now()
    const parsed = parse(data, isBinary)
    if ('error' in parsed) {
      send(ws, errorFrame(parsed.error))
      if (!client && !authenticating) return void ws.close(REALTIME_CLOSE_UNAUTHORIZED, 'unauthenticated')
      if (++badFrames >= REALTIME_MAX_BAD_FRAMES) ws.close(REALTIME_CLOSE_BAD_FRAMES, 'too many bad frames')
      return
    }
    const { frame } = parsed
    // Frames that arrive while the token is being checked wait for nothing: the app sends none.
    if (authenticating && !client) return
    if (!client || !user) return frame.type === 'auth' ? authenticate(frame.token) : refuse('unauthenticated')
    if (frame.type === 'ping') return send(ws, { type: 'pong' })
    if (frame.type === 'ack') return acknowledge(user, frame)
    send(ws, errorFrame('validation_failed')) // a second auth frame on an authenticated socket
  }

  ws.on('pong', () => {
    if (client) client.lastSeen = Date.now()
  })
  ws.on('message', (data, isBinary) => {
    try {
      onFrame(data, isBinary)
    } catch (err) {
      codeOf(err, deps.log, 'frame handling')
      ws.terminate()
    }
  })
  ws.on('close', () => {
    clearTimeout(authTimer)
    if (expiry) clearTimeout(expiry)
    if (!client) return
    deps.hub.leave(client)
    void deps.presence.disconnected(client.userId).catch(() => undefined)
  })
  // An oversized frame or a broken connection: ws has already sent its close code (1009 …).
  ws.on('error', (err) => {
    deps.log.debug('realtime socket error', { error: err.message })
    ws.terminate()
  })
}
