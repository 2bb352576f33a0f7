import { Agent as HttpAgent, request as httpRequest } from 'node:http'
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https'
import { AppError } from '../../errors/app-error'
import { AccessTokenCache, type IssuedToken } from './access-token'
import { WechatApiError, WechatBusyError, WechatSendError, WechatTransportError, busyErrorFor, sendErrorFor } from './errors'

export { WechatBusyError, WechatSendError } from './errors'

/** WeChat's content-security scenes: 1 profile, 2 comment, 3 forum, 4 social log. */
export type SecurityScene = 1 | 2 | 3 | 4
export type SecuritySuggest = 'pass' | 'review' | 'risky'

/** What Anju needs from WeChat's server API. The real service and the stand-in speak the same protocol. */
export interface WechatApi {
  code2Session(code: string): Promise<WechatSession>
  /** Text check (msg_sec_check v2). Throws if WeChat cannot be asked; the caller decides what that means. */
  msgSecCheck(input: {
    openid: string
    content: string
    scene: SecurityScene
    title?: string
  }): Promise<{ suggest: SecuritySuggest; label: number; traceId: string }>
  /** Starts an image check; the verdict arrives later as a `wxa_media_check` push carrying the same trace id. */
  mediaCheckAsync(input: { openid: string; mediaUrl: string; scene: SecurityScene }): Promise<{ traceId: string }>
  /** Throws `WechatSendError` on any failure, telling whether a retry can help. */
  sendSubscribeMessage(input: { touser: string; templateId: string; page?: string; data: Record<string, { value: string }> }): Promise<void>
}

export interface WechatSession {
  openid: string
  sessionKey: string
  unionid?: string
}

export interface HttpWechatApiOptions {
  baseUrl: string
  appId: string
  appSecret: string
  /** Which version of the mini-program a subscribe message opens: 'formal' in production. */
  miniprogramState?: 'developer' | 'trial' | 'formal'
  timeoutMs?: number
}

interface Reply {
  errcode?: number
  errmsg?: string
}

interface Code2SessionReply extends Reply {
  openid?: string
  session_key?: string
  unionid?: string
}

interface SecCheckReply extends Reply {
  trace_id?: string
  result?: { suggest?: SecuritySuggest; label?: number }
}

/** The access_token was refused: expired (42001), not the latest or invalid (40001, 40014). */
const TOKEN_REFUSED = new Set([40001, 42001, 40014])

/** WeChat errcodes a resident can do something about, as clear errors; anything else (busy aside) is our problem. */
function loginErrorFor(errcode: number): AppError {
  switch (errcode) {
    case 40029: // invalid code
    case 40163: // code been used
      return new AppError(401, 'wechat_invalid_code', '登录凭证无效或已过期，请重新登录')
    default:
      return new AppError(502, 'wechat_unavailable', '微信登录暂时不可用，请稍后再试', { errcode })
  }
}

export class HttpWechatApi implements WechatApi {
  private readonly opts: Required<HttpWechatApiOptions>
  private readonly tokens: AccessTokenCache

  constructor(opts: HttpWechatApiOptions) {
    this.opts = { miniprogramState: 'developer', timeoutMs: 5000, ...opts }
    this.tokens = new AccessTokenCache((force) => this.issueToken(force))
  }

  async code2Session(code: string): Promise<WechatSession> {
    const query = { appid: this.opts.appId, secret: this.opts.appSecret, js_code: code, grant_type: 'authorization_code' }
    let reply: Code2SessionReply
    try {
      reply = await this.request<Code2SessionReply>('GET', '/sns/jscode2session', query)
    } catch {
      throw new AppError(503, 'wechat_unavailable', '无法连接微信服务，请稍后再试')
    }
    if (reply.errcode) throw busyErrorFor(reply.errcode, reply.errmsg ?? '', '登录的人太多，请一分钟后再试') ?? loginErrorFor(reply.errcode)
    if (!reply.openid || !reply.session_key) throw loginErrorFor(Number.NaN)
    return { openid: reply.openid, sessionKey: reply.session_key, ...(reply.unionid ? { unionid: reply.unionid } : {}) }
  }

  async msgSecCheck(input: { openid: string; content: string; scene: SecurityScene; title?: string }) {
    const body = {
      content: input.content,
      version: 2,
      scene: input.scene,
      openid: input.openid,
      ...(input.title ? { title: input.title } : {}),
    }
    const reply = await this.callWithToken<SecCheckReply>('/wxa/msg_sec_check', body)
    const suggest = reply.result?.suggest
    if (!suggest || !reply.trace_id) throw new WechatTransportError('msg_sec_check reply without result')
    return { suggest, label: reply.result?.label ?? 0, traceId: reply.trace_id }
  }

  async mediaCheckAsync(input: { openid: string; mediaUrl: string; scene: SecurityScene }) {
    const body = { media_url: input.mediaUrl, media_type: 2, version: 2, scene: input.scene, openid: input.openid }
    const reply = await this.callWithToken<SecCheckReply>('/wxa/media_check_async', body)
    if (!reply.trace_id) throw new WechatTransportError('media_check_async reply without trace_id')
    return { traceId: reply.trace_id }
  }

  async sendSubscribeMessage(input: { touser: string; templateId: string; page?: string; data: Record<string, { value: string }> }) {
    const body = {
      touser: input.touser,
      template_id: input.templateId,
      ...(input.page ? { page: input.page } : {}),
      data: input.data,
      miniprogram_state: this.opts.miniprogramState,
      lang: 'zh_CN',
    }
    try {
      await this.callWithToken<Reply>('/cgi-bin/message/subscribe/send', body)
    } catch (err) {
      if (err instanceof WechatApiError || err instanceof WechatBusyError) throw sendErrorFor(err.errcode, err.errmsg)
      // Not reached, or no JSON back: WeChat may well answer next time.
      throw new WechatSendError(-1, err instanceof Error ? err.message : String(err), true)
    }
  }

  /** POSTs JSON with the access_token; a refused token is renewed and the call made once more. */
  private async callWithToken<T extends Reply>(path: string, body: object): Promise<T> {
    let token = await this.tokens.get()
    for (let attempt = 0; ; attempt++) {
      const reply = await this.request<T>('POST', path, { access_token: token }, body)
      if (!reply.errcode) return reply
      if (attempt === 0 && TOKEN_REFUSED.has(reply.errcode)) {
        token = await this.tokens.renew(token)
        continue
      }
      throw busyErrorFor(reply.errcode, reply.errmsg ?? '') ?? new WechatApiError(reply.errcode, reply.errmsg ?? '')
    }
  }

  private async issueToken(forceRefresh: boolean): Promise<IssuedToken> {
    const body = { grant_type: 'client_credential', appid: this.opts.appId, secret: this.opts.appSecret, force_refresh: forceRefresh }
    const reply = await this.request<Reply & { access_token?: string; expires_in?: number }>('POST', '/cgi-bin/stable_token', {}, body)
    if (reply.errcode) throw busyErrorFor(reply.errcode, reply.errmsg ?? '') ?? new WechatApiError(reply.errcode, reply.errmsg ?? '')
    if (!reply.access_token || !reply.expires_in) throw new WechatTransportError('stable_token reply without access_token')
    return { token: reply.access_token, expiresIn: reply.expires_in }
  }

  /** One HTTP exchange. Transport failures become WechatTransportError, whose message names no token. */
  private async request<T>(method: 'GET' | 'POST', path: string, query: Record<string, string>, body?: object): Promise<T> {
    const url = new URL(path, this.opts.baseUrl)
    url.search = new URLSearchParams(query).toString()
    let res: { status: number; text: string }
    try {
      res = await exchange(method, url, body ? JSON.stringify(body) : undefined, this.opts.timeoutMs)
    } catch (err) {
      const reason = err instanceof Error && err.name === 'TimeoutError' ? 'timed out' : 'unreachable'
      throw new WechatTransportError(`WeChat ${path} ${reason}`)
    }
    if (res.status < 200 || res.status > 299) throw new WechatTransportError(`WeChat ${path} answered HTTP ${res.status}`)
    let reply: unknown
    try {
      reply = JSON.parse(res.text)
    } catch {
      throw new WechatTransportError(`WeChat ${path} answered something that is not JSON`)
    }
    // Every WeChat reply is an object; `null` or a bare string would break the callers' field reads.
    if (!reply || typeof reply !== 'object' || Array.isArray(reply))
      throw new WechatTransportError(`WeChat ${path} answered JSON that is not an object`)
    return reply as T
  }
}

/**
 * Every report calls WeChat (the text check), so the exchange uses node:http with kept-alive
 * connections: the global fetch costs several times the CPU per call (web streams, abort signals).
 */
const AGENTS = {
  'http:': new HttpAgent({ keepAlive: true, maxSockets: 64 }),
  'https:': new HttpsAgent({ keepAlive: true, maxSockets: 64 }),
}

/** WeChat's replies are a few hundred bytes; anything near this is not WeChat and is not read into memory. */
const MAX_REPLY_BYTES = 256 * 1024

function exchange(method: string, url: URL, body: string | undefined, timeoutMs: number): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest
    const headers = body ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) } : {}
    const req = send(url, { method, headers, agent: url.protocol === 'https:' ? AGENTS['https:'] : AGENTS['http:'] }, (res) => {
      const chunks: Buffer[] = []
      let size = 0
      res.on('data', (chunk: Buffer) => {
        size += chunk.length
        if (size > MAX_REPLY_BYTES) return void req.destroy(new Error('reply too large'))
        chunks.push(chunk)
      })
      res.on('end', () => {
        clearTimeout(timer)
        resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') })
      })
      res.on('error', reject)
      // A reply cut short without an 'error' (some proxies) must not leave the call waiting forever.
      res.on('close', () => {
        clearTimeout(timer)
        if (!res.complete) reject(new Error('reply cut short'))
      })
    })
    const timer = setTimeout(() => req.destroy(Object.assign(new Error('timed out'), { name: 'TimeoutError' })), timeoutMs)
    req.on('error', (err) => {
      clearTimeout(timer)
      reject(err)
    })
    req.end(body)
  })
}
