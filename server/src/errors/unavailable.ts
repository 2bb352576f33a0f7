import { AppError, retryLater } from './app-error'

/**
 * Driver and TypeORM errors that mean "the database cannot be reached right now", as opposed to
 * a query that is wrong. They are answered 503 `unavailable` with Retry-After, not 500: nothing
 * is wrong with the request, and a load balancer or the app can try again shortly.
 */
const UNREACHABLE_CODES = new Set([
  // mysql2 and the network under it
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_CON_COUNT_ERROR',
  'ER_TOO_MANY_USER_CONNECTIONS',
  'ER_SERVER_SHUTDOWN',
  // better-sqlite3: the file is locked past the busy timeout, unreadable or gone
  'SQLITE_BUSY',
  'SQLITE_CANTOPEN',
])

/** TypeORM's own "not connected" errors (by name: they are not all exported from its index). */
const NOT_CONNECTED_NAMES = new Set([
  'CannotExecuteNotConnectedError',
  'ConnectionIsNotSetError',
  'CannotGetEntityManagerNotConnectedError',
  'QueryRunnerProviderAlreadyReleasedError',
])

/** mysql2 and better-sqlite3 say some of these only in words. */
const NOT_CONNECTED_MESSAGES = [/^Pool is closed/, /in closed state/, /^Connection lost/, /database connection is not open/]

function matches(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false
  const { code, name, message } = err as { code?: unknown; name?: unknown; message?: unknown }
  if (typeof code === 'string' && (UNREACHABLE_CODES.has(code) || code.startsWith('SQLITE_IOERR'))) return true
  if (typeof name === 'string' && NOT_CONNECTED_NAMES.has(name)) return true
  return typeof message === 'string' && NOT_CONNECTED_MESSAGES.some((re) => re.test(message))
}

/** True when the error, or what it wraps (TypeORM's driverError, a cause, an AggregateError), is the database being unreachable. */
export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (depth > 4 || !err || typeof err !== 'object') return false
  if (matches(err)) return true
  const e = err as { driverError?: unknown; cause?: unknown; errors?: unknown }
  const inner = [e.driverError, e.cause, ...(Array.isArray(e.errors) ? e.errors : [])]
  return inner.some((i) => i !== err && isDatabaseUnavailable(i, depth + 1))
}

/** Seconds a client should wait before trying again. */
export const RETRY_AFTER_SECONDS = 5

export const databaseUnavailable = () =>
  retryLater(new AppError(503, 'unavailable', '服务暂时不可用（数据库连接中断），请稍后再试'), RETRY_AFTER_SECONDS)
