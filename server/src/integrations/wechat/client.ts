import { AppError } from '../../errors/app-error'

/** What Anju needs from WeChat's server API. The real service and the stand-in speak the same protocol. */
export interface WechatApi {
  code2Session(code: string): Promise<WechatSession>
}

export interface WechatSession {
  openid: string
  sessionKey: string
  unionid?: string
}

interface Code2SessionReply {
  openid?: string
  session_key?: string
  unionid?: string
  errcode?: number
  errmsg?: string
}

/** WeChat errcodes a resident can do something about, as clear errors; anything else is our problem. */
function errorFor(errcode: number): AppError {
  switch (errcode) {
    case 40029: // invalid code
    case 40163: // code been used
      return new AppError(401, 'wechat_invalid_code', '登录凭证无效或已过期，请重新登录')
    case 45011: // api minute-quota reach limit
      return new AppError(429, 'wechat_rate_limited', '登录太频繁，请稍后再试')
    case -1: // system busy
      return new AppError(503, 'wechat_busy', '微信系统繁忙，请稍后再试')
    default:
      return new AppError(502, 'wechat_unavailable', '微信登录暂时不可用，请稍后再试', { errcode })
  }
}

export class HttpWechatApi implements WechatApi {
  constructor(
    private readonly baseUrl: string,
    private readonly appId: string,
    private readonly appSecret: string,
    private readonly timeoutMs = 5000,
  ) {}

  async code2Session(code: string): Promise<WechatSession> {
    const url = new URL('/sns/jscode2session', this.baseUrl)
    url.search = new URLSearchParams({
      appid: this.appId,
      secret: this.appSecret,
      js_code: code,
      grant_type: 'authorization_code',
    }).toString()
    let reply: Code2SessionReply
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(this.timeoutMs) })
      if (!res.ok) throw new Error(`HTTP ${res.status}`)
      reply = (await res.json()) as Code2SessionReply
    } catch {
      throw new AppError(503, 'wechat_unavailable', '无法连接微信服务，请稍后再试')
    }
    if (reply.errcode) throw errorFor(reply.errcode)
    if (!reply.openid || !reply.session_key) throw errorFor(Number.NaN)
    return { openid: reply.openid, sessionKey: reply.session_key, ...(reply.unionid ? { unionid: reply.unionid } : {}) }
  }
}
