import { z } from 'zod'

/** The one JSON error shape every failing API call returns. */
export const apiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
})
export type ApiError = z.infer<typeof apiErrorSchema>

/** Machine-readable error codes; messages are Chinese and safe to show to a resident. */
export const ERROR_CODES = [
  'bad_request',
  'validation_failed',
  'invalid_json',
  'payload_too_large',
  'unauthenticated',
  'token_expired',
  'forbidden',
  'not_found',
  'conflict',
  'rate_limited',
  'wechat_invalid_code',
  'wechat_rate_limited',
  'wechat_busy',
  'wechat_unavailable',
  'invite_invalid',
  'emergency_confirm_required',
  'unsupported_media_type',
  /** 503 with Retry-After: a dependency (the database) is unreachable; the request changed nothing. */
  'unavailable',
  'internal',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]
