import { randomBytes } from 'node:crypto'

const hex = (bytes: number) => randomBytes(bytes).toString('hex')

/** WeChat appends a request id to every errmsg: "invalid openid rid: 6483e5cc-50cbdcb3-53499677". */
export const rid = (errmsg: string) => `${errmsg} rid: ${newTraceId()}`

/** The shape of WeChat's trace_id / rid: seconds in hex, then two random groups. */
export function newTraceId(): string {
  return `${Math.floor(Date.now() / 1000).toString(16)}-${hex(4)}-${hex(4)}`
}

/** WeChat's openids are 28 characters of [A-Za-z0-9_-]; the stand-in also takes the demo names. */
export const isOpenid = (value: unknown): value is string => typeof value === 'string' && /^[\w-]{6,64}$/.test(value)

/** Known errmsgs for the errcodes tests inject. */
export const ERRMSG: Record<number, string> = {
  [-1]: 'system error',
  40003: 'invalid openid',
  40037: 'invalid template_id',
  43101: 'user refuse to accept the msg',
  45009: 'reach max api daily quota limit',
  45011: 'api minute-quota reach limit mustslower retry next minute',
  47003: 'argument invalid!',
}
