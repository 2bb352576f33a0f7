import { useSyncExternalStore } from 'react'
import Taro from '@tarojs/taro'
import {
  HEARTBEAT_MS,
  REALTIME_CLOSE_UNAUTHORIZED,
  REALTIME_PATH,
  SERVER_FRAME_TYPES,
  type ClientFrame,
  type ServerFrame,
} from '@anju/shared'
import { API_BASE, request } from './request'
import { loadStoredSession } from './session-storage'

/**
 * The app's one realtime connection. The socket only pushes (every change goes over HTTP), so
 * when it cannot be held the app polls and loses nothing; the socket keeps trying meanwhile.
 *
 * Listeners get the server's frames; catch-up listeners are told whenever something may have
 * been missed (after each (re)connect, and on each polling tick) and fetch what they show.
 * The server says `degraded` when it lost the link to its other instances (Redis): the socket
 * stays, polling covers what it cannot bring, and `resumed` fetches the gap and stops polling.
 */
export type RealtimeStatus = 'stopped' | 'connecting' | 'online' | 'polling'

export const RECONNECT_BASE_MS = 1000
export const RECONNECT_MAX_MS = 30_000
export const POLL_MS = 5000
/** Failed attempts in a row before polling takes over. */
export const FALLBACK_AFTER_FAILURES = 3
/** The server's error frame before it closes with 4401. */
const SESSION_ERRORS = new Set(['unauthenticated', 'token_expired'])

/** The part of Taro's SocketTask used here (weapp and H5 share it). */
export interface SocketLike {
  send(options: { data: string }): unknown
  close(options?: { code?: number; reason?: string }): unknown
  onOpen(callback: () => void): void
  onMessage(callback: (event: { data: unknown }) => void): void
  onClose(callback: (event: { code?: number }) => void): void
  onError(callback: (event: unknown) => void): void
}

export interface RealtimeOptions {
  url: () => string
  token: () => string | null
  connect: (url: string) => Promise<SocketLike>
  /** An authenticated request: request.ts renews an expired access token on the way. */
  renewAuth: () => Promise<unknown>
  random: () => number
}

/** 1 s, 2 s, 4 s … 30 s, ±20 %: phones that lost the same server do not all return in the same second. */
export function backoffDelay(failures: number, random: () => number): number {
  const base = Math.min(RECONNECT_MAX_MS, RECONNECT_BASE_MS * 2 ** Math.max(0, failures - 1))
  return Math.round(Math.min(RECONNECT_MAX_MS, base * (0.8 + 0.4 * random())))
}

const KNOWN_TYPES = new Set<string>(SERVER_FRAME_TYPES)

/** Only frames of a known type reach the pages; the rest (a proxy's page, a newer server's frame) are dropped. */
function parseFrame(data: unknown): ServerFrame | null {
  if (typeof data !== 'string') return null
  try {
    const frame: unknown = JSON.parse(data)
    if (!frame || typeof frame !== 'object' || Array.isArray(frame)) return null
    const type = (frame as { type?: unknown }).type
    return typeof type === 'string' && KNOWN_TYPES.has(type) ? (frame as ServerFrame) : null
  } catch {
    return null
  }
}

export class RealtimeClient {
  private started = false
  private status: RealtimeStatus = 'stopped'
  private socket: SocketLike | null = null
  /** Bumped whenever an attempt ends: callbacks of an abandoned socket are ignored. */
  private attempt = 0
  private failures = 0
  private lastFrameAt = 0
  /** Who the socket speaks for: one's own messages echoed back need no ack. */
  private userId: number | null = null
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null
  private heartbeatTimer: ReturnType<typeof setInterval> | null = null
  private pollTimer: ReturnType<typeof setInterval> | null = null
  private readonly frameListeners = new Set<(frame: ServerFrame) => void>()
  private readonly catchUpListeners = new Set<() => void>()
  private readonly statusListeners = new Set<() => void>()

  constructor(private readonly options: RealtimeOptions) {}

  start = (): void => {
    if (this.started) return
    this.started = true
    this.failures = 0
    this.connect()
  }

  stop = (): void => {
    this.started = false
    this.attempt++
    this.clearTimers()
    this.stopPolling()
    this.closeSocket()
    this.failures = 0
    this.setStatus('stopped')
  }

  /** The app came back to the foreground: try now instead of waiting out the backoff. */
  wake = (): void => {
    if (!this.started || this.socket || this.status === 'online') return
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer)
    this.reconnectTimer = null
    this.connect()
  }

  subscribe = (listener: (frame: ServerFrame) => void): (() => void) => {
    this.frameListeners.add(listener)
    return () => this.frameListeners.delete(listener)
  }

  onCatchUp = (listener: () => void): (() => void) => {
    this.catchUpListeners.add(listener)
    return () => this.catchUpListeners.delete(listener)
  }

  onStatus = (listener: () => void): (() => void) => {
    this.statusListeners.add(listener)
    return () => this.statusListeners.delete(listener)
  }

  getStatus = (): RealtimeStatus => this.status

  private connect(): void {
    const attempt = ++this.attempt
    const live = () => this.started && attempt === this.attempt
    if (!this.pollTimer) this.setStatus('connecting')
    const token = this.options.token()
    if (!token) return this.end(attempt, false)
    let ready = false
    let refused = false
    this.options
      .connect(this.options.url())
      .then((socket) => {
        if (!live()) return void socket.close()
        this.socket = socket
        socket.onOpen(() => live() && this.send({ type: 'auth', token: this.options.token() ?? token }))
        socket.onMessage((event) => {
          const frame = live() ? parseFrame(event.data) : null
          if (!frame) return
          this.lastFrameAt = Date.now()
          if (frame.type === 'ready') {
            ready = true
            this.userId = frame.userId
            this.becomeOnline(attempt)
          } else if (frame.type === 'error' && SESSION_ERRORS.has(frame.code)) refused = true
          else if (frame.type === 'degraded') this.startPolling()
          else if (frame.type === 'resumed') this.becomeOnline(attempt)
          else this.deliver(frame)
        })
        // H5's SocketTask reports every server close as 1006, not 4401: the server's error frame
        // before it, or a close before `ready`, says the token may be the problem too.
        const suspectToken = (code?: number) => refused || !ready || code === REALTIME_CLOSE_UNAUTHORIZED
        socket.onClose((event) => this.end(attempt, suspectToken(event.code)))
        socket.onError(() => this.end(attempt, suspectToken()))
      })
      .catch(() => this.end(attempt, false))
  }

  /** An attempt is over (closed, failed, or never opened): back off, maybe poll, try again. */
  private end(attempt: number, maybeUnauthorized: boolean): void {
    if (!this.started || attempt !== this.attempt) return
    this.attempt++
    this.closeSocket()
    if (this.heartbeatTimer) clearInterval(this.heartbeatTimer)
    this.heartbeatTimer = null
    this.failures++
    if (this.failures >= FALLBACK_AFTER_FAILURES) this.startPolling()
    else if (!this.pollTimer) this.setStatus('connecting')
    const delay = backoffDelay(this.failures, this.options.random)
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null
      void this.reconnect(maybeUnauthorized)
    }, delay)
  }

  private async reconnect(maybeUnauthorized: boolean): Promise<void> {
    if (maybeUnauthorized) await this.options.renewAuth().catch(() => undefined)
    if (this.started && !this.socket && !this.reconnectTimer) this.connect()
  }

  private becomeOnline(attempt: number): void {
    this.failures = 0
    this.stopPolling()
    this.setStatus('online')
    if (this.heartbeatTimer) clearInterval(this.heartbeatTimer)
    this.heartbeatTimer = setInterval(() => this.heartbeat(attempt), HEARTBEAT_MS)
    this.catchUp()
  }

  /** A connection that went silent (a phone that changed networks) is given up on, not waited for. */
  private heartbeat(attempt: number): void {
    if (Date.now() - this.lastFrameAt > 2 * HEARTBEAT_MS) return this.end(attempt, false)
    this.send({ type: 'ping' })
  }

  private deliver(frame: ServerFrame): void {
    // The ack is what turns the sender's 已发送 into 已送达; the echo of one's own message needs none.
    if (frame.type === 'message' && frame.message.sender.userId !== this.userId)
      this.send({ type: 'ack', conversationId: frame.message.conversationId, seq: frame.message.seq })
    for (const listener of [...this.frameListeners]) {
      try {
        listener(frame)
      } catch {
        // One page's mistake must not keep the frame from the others.
      }
    }
  }

  private catchUp(): void {
    for (const listener of [...this.catchUpListeners]) {
      try {
        listener()
      } catch {
        // As in deliver.
      }
    }
  }

  private startPolling(): void {
    this.setStatus('polling')
    if (this.pollTimer) return
    this.pollTimer = setInterval(() => this.catchUp(), POLL_MS)
    this.catchUp()
  }

  private stopPolling(): void {
    if (this.pollTimer) clearInterval(this.pollTimer)
    this.pollTimer = null
  }

  private send(frame: ClientFrame): void {
    const socket = this.socket
    if (!socket) return
    try {
      void Promise.resolve(socket.send({ data: JSON.stringify(frame) })).catch(() => undefined)
    } catch {
      // Not open (any more): the close handler takes it from here.
    }
  }

  private closeSocket(): void {
    const socket = this.socket
    this.socket = null
    if (!socket) return
    try {
      void Promise.resolve(socket.close({ code: 1000 })).catch(() => undefined)
    } catch {
      // Already closed.
    }
  }

  private clearTimers(): void {
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer)
    if (this.heartbeatTimer) clearInterval(this.heartbeatTimer)
    this.reconnectTimer = null
    this.heartbeatTimer = null
  }

  private setStatus(next: RealtimeStatus): void {
    if (this.status === next) return
    this.status = next
    for (const listener of [...this.statusListeners]) listener()
  }
}

/** H5 is served by the API server: the socket goes to the page's own host. */
function realtimeUrl(): string {
  if (process.env.TARO_ENV === 'h5') {
    const { protocol, host } = window.location
    return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}${REALTIME_PATH}`
  }
  return `${API_BASE.replace(/^http/, 'ws')}${REALTIME_PATH}`
}

export const realtime = new RealtimeClient({
  url: realtimeUrl,
  token: () => loadStoredSession()?.accessToken ?? null,
  connect: (url) => Taro.connectSocket({ url }) as unknown as Promise<SocketLike>,
  renewAuth: () => request('/api/messages/unread'),
  random: Math.random,
})

export const subscribeRealtime = realtime.subscribe
export const onRealtimeCatchUp = realtime.onCatchUp

export function useRealtimeStatus(): RealtimeStatus {
  return useSyncExternalStore(realtime.onStatus, realtime.getStatus, realtime.getStatus)
}
