import type { ErrorCode } from '@anju/shared'

/**
 * The only error a service throws on purpose. Its message is public (Chinese, safe to show);
 * anything else reaching the error middleware is treated as a bug and answered with `internal`.
 */
export class AppError extends Error {
  /** Seconds the client should wait before trying again (429, 503): sent as `Retry-After`. */
  retryAfterSeconds?: number

  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message)
    this.name = 'AppError'
  }
}

export const notFound = (what = '记录') => new AppError(404, 'not_found', `${what}不存在`)
export const forbidden = (message = '没有权限执行此操作') => new AppError(403, 'forbidden', message)
export const conflict = (message: string, details?: unknown) => new AppError(409, 'conflict', message, details)
export const badRequest = (message: string, details?: unknown) => new AppError(400, 'bad_request', message, details)

/** The error, telling the client to wait `seconds` (rounded up, at least 1) before trying again. */
export function retryLater(err: AppError, seconds: number): AppError {
  err.retryAfterSeconds = Math.max(1, Math.ceil(seconds))
  return err
}
