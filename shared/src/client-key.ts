import { z } from 'zod'

/**
 * The idempotency key of one user intent (a tap, a form sent): a UUID the app makes when the
 * intent starts and sends again on every retry of it. The server does the thing once and
 * answers a replay with the first result.
 */
export const clientKeySchema = z.uuid('操作编号格式不正确，请刷新后重试')
