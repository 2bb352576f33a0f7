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
