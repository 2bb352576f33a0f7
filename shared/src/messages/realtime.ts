import { z } from 'zod'
import type { Message, Receipts } from './schemas'
import type { Notice } from './notices'

/**
 * The realtime channel (WebSocket at REALTIME_PATH). It only pushes: every change is made over
 * HTTP, so a client that cannot hold a socket loses nothing and polls instead.
 *
 * The client's first frame is `auth` with its access token; the server answers `ready` or closes
 * with 4401 (token missing, invalid or expired: refresh and reconnect). `ping` every 25 s keeps
 * the connection alive through proxies; the server closes a socket silent for 70 s.
 *
 * A frame the server cannot read is answered with an `error` frame (a code and a fixed message,
 * never an exception's text); repeated garbage closes the socket with 4400, a frame over
 * REALTIME_MAX_FRAME_BYTES with 1009. When the server loses the link that joins its instances
 * (Redis) it says `degraded`: frames from other instances may be missed, so the app polls; at
 * `resumed` it fetches what it missed (messages after the last seq it has) and stops polling.
 */
export const REALTIME_PATH = '/api/realtime'
export const REALTIME_CLOSE_UNAUTHORIZED = 4401
export const HEARTBEAT_MS = 25_000
export const IDLE_CLOSE_MS = 70_000
/** The app's frames are tiny (auth, ping, ack); anything bigger is refused by the socket library. */
export const REALTIME_MAX_FRAME_BYTES = 4096
/** Closed after this many unreadable frames in a row: a client that speaks nonsense is not an app. */
export const REALTIME_MAX_BAD_FRAMES = 5
export const REALTIME_CLOSE_BAD_FRAMES = 4400
/** The server failed (not the client's fault): reconnect after the usual backoff. */
export const REALTIME_CLOSE_INTERNAL = 1011

/** Every error frame's code, with the one message shown for it (an exception's text never reaches the app). */
export const REALTIME_ERROR_MESSAGES = {
  invalid_json: '无法识别的消息',
  validation_failed: '消息格式不正确',
  unauthenticated: '登录信息无效，请重新登录',
  token_expired: '登录已过期，请重新登录',
  forbidden: '没有权限查看该对话',
  not_found: '对话不存在',
  internal: '服务暂时不可用，请稍后重试',
} as const
export type RealtimeErrorCode = keyof typeof REALTIME_ERROR_MESSAGES

export const clientFrameSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('auth'), token: z.string().min(1) }),
  z.object({ type: z.literal('ping') }),
  /** The app has the message up to `seq` in this conversation: the sender sees 已送达. */
  z.object({ type: z.literal('ack'), conversationId: z.number().int().positive(), seq: z.number().int().positive() }),
])

export type ClientFrame = z.infer<typeof clientFrameSchema>

export type ServerFrame =
  | { type: 'ready'; userId: number }
  | { type: 'pong' }
  | { type: 'message'; message: Message }
  | { type: 'receipts'; conversationId: number; receipts: Receipts }
  /** Something about a conversation changed (handled, desk cover): refetch it and the inbox. */
  | { type: 'conversation'; conversationId: number }
  | { type: 'notice'; notice: Notice }
  /** Frames from other instances may be missed from now on: poll until `resumed`. */
  | { type: 'degraded' }
  /** Frames flow again: fetch what was missed meanwhile and stop polling. */
  | { type: 'resumed' }
  | { type: 'error'; code: RealtimeErrorCode; message: string }

export const SERVER_FRAME_TYPES = [
  'ready',
  'pong',
  'message',
  'receipts',
  'conversation',
  'notice',
  'degraded',
  'resumed',
  'error',
] as const satisfies readonly ServerFrame['type'][]
