import type { Message, Receipts } from './schemas'
import type { Notice } from './notices'

/**
 * The realtime channel (WebSocket at REALTIME_PATH). It only pushes: every change is made over
 * HTTP, so a client that cannot hold a socket loses nothing and polls instead.
 *
 * The client's first frame is `auth` with its access token; the server answers `ready` or closes
 * with 4401 (token missing, invalid or expired: refresh and reconnect). `ping` every 25 s keeps
 * the connection alive through proxies; the server closes a socket silent for 70 s.
 */
export const REALTIME_PATH = '/api/realtime'
export const REALTIME_CLOSE_UNAUTHORIZED = 4401
export const HEARTBEAT_MS = 25_000
export const IDLE_CLOSE_MS = 70_000

export type ClientFrame =
  | { type: 'auth'; token: string }
  | { type: 'ping' }
  /** The app has the message up to `seq` in this conversation: the sender sees 已送达. */
  | { type: 'ack'; conversationId: number; seq: number }

export type ServerFrame =
  | { type: 'ready'; userId: number }
  | { type: 'pong' }
  | { type: 'message'; message: Message }
  | { type: 'receipts'; conversationId: number; receipts: Receipts }
  /** Something about a conversation changed (handled, desk cover): refetch it and the inbox. */
  | { type: 'conversation'; conversationId: number }
  | { type: 'notice'; notice: Notice }
  | { type: 'error'; code: string; message: string }
