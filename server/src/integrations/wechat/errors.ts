import { AppError, retryLater } from '../../errors/app-error'

/**
 * A subscribe message WeChat did not deliver. The outbox job reads `retryable`: a refused or
 * unknown recipient or a malformed message will fail the same way forever, while a busy WeChat,
 * a quota, or a broken connection may well work on the next try.
 */
export class WechatSendError extends Error {
  constructor(
    readonly errcode: number,
    message: string,
    readonly retryable: boolean,
  ) {
    super(message)
    this.name = 'WechatSendError'
  }
}

// Busy (-1) and the minute quota (45011) are not listed: they pass with time.
const NOT_RETRYABLE = new Set([
  43101, // user refuse to accept the msg: no subscription left (each accepted request allows one message)
  40003, // invalid openid
  47003, // argument invalid: a data value breaks the template's field rules
  40037, // invalid template_id
])

export function sendErrorFor(errcode: number, errmsg: string): WechatSendError {
  // Anything unknown is retried: the job gives up after its last backoff step anyway.
  return new WechatSendError(errcode, errmsg, !NOT_RETRYABLE.has(errcode))
}

/** WeChat could not be reached, or answered with something that is not its JSON (HTTP 5xx, a proxy page). */
export class WechatTransportError extends Error {
  name = 'WechatTransportError'
}

/** A WeChat reply with a non-zero errcode. */
export class WechatApiError extends Error {
  name = 'WechatApiError'
  constructor(
    readonly errcode: number,
    readonly errmsg: string,
  ) {
    super(`errcode ${errcode}: ${errmsg}`)
  }
}

/**
 * WeChat busy (-1) or the app's minute quota spent (45011), on any of its APIs: nothing is wrong
 * with the request and it may well work shortly. A 503 with Retry-After — the app's trouble, not
 * the user's, so not a 429 that reads as "you did too much". Callers that fall back on failure
 * (the text check lets the text through, a media check stays pending for the job, the outbox
 * retries) treat it like any other failure; a login answers it as it is.
 */
export class WechatBusyError extends AppError {
  name = 'WechatBusyError'
  constructor(
    readonly errcode: -1 | 45011,
    /** WeChat's own words, for logs. */
    readonly errmsg: string,
    publicMessage?: string,
  ) {
    super(
      503,
      errcode === -1 ? 'wechat_busy' : 'wechat_rate_limited',
      publicMessage ?? (errcode === -1 ? '微信系统繁忙，请稍后再试' : '使用的人太多，请一分钟后再试'),
    )
    // The quota is per minute; a busy WeChat is usually back within seconds.
    retryLater(this, errcode === -1 ? 5 : 60)
  }
}

/** The busy error for WeChat's errcode, or null when the errcode means something else. */
export function busyErrorFor(errcode: number, errmsg: string, quotaMessage?: string): WechatBusyError | null {
  if (errcode === -1) return new WechatBusyError(-1, errmsg)
  if (errcode === 45011) return new WechatBusyError(45011, errmsg, quotaMessage)
  return null
}
