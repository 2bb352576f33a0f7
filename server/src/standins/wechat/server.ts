import { randomBytes } from 'node:crypto'
import type { Server } from 'node:http'
import Koa from 'koa'
import Router from '@koa/router'
import { bodyParser } from '@koa/bodyparser'
import { StandinTokens, registerTokenRoutes } from './access-tokens'
import { registerSecurityRoutes, type SecurityState } from './security'
import { registerSubscribeRoutes, type SubscribeState } from './subscribe'

/** Kept here for tests and dev scripts; the client side lives with the other WeChat clients. */
export { mintStandinCode } from '../../integrations/wechat/standin-codes'

/**
 * A local stand-in for WeChat's server API, for development and tests only. It speaks the real
 * protocol (paths, query parameters, access tokens, errcode/errmsg replies, signed message
 * pushes), so the production client runs against it unchanged. The /dev routes play the part of
 * the WeChat app on the phone (wx.login minting a code) and let tests inject WeChat's failures.
 */
export interface WechatStandinOptions {
  appId: string
  appSecret: string
  port?: number
  /** code2Session calls allowed per minute before errcode 45011. */
  minuteQuota?: number
  /** Lifetime of access tokens (WeChat: 7200 s). */
  tokenTtlSeconds?: number
  /** The mini-program's message push URL and Token (its admin console settings); the URL can be set after start. */
  pushUrl?: string
  pushToken?: string
  /** How long a media check "takes" before its result is pushed. */
  mediaCheckDelayMs?: number
  /** Subscribe-message template IDs the mini-program has; unset accepts any. */
  templates?: readonly string[]
}

export interface WechatStandin {
  url: string
  /** Points the message pushes at the app, once the app knows its own address. */
  setPushUrl(url: string): void
  close(): Promise<void>
}

type Suggest = SecurityState['mediaVerdicts'][number]

interface Faults {
  errcodes?: unknown
  checkErrcodes?: unknown
  mediaVerdicts?: unknown
  subscribeErrcodes?: unknown
  expireTokens?: unknown
  revokeTokens?: unknown
}

const numbers = (v: unknown) => (Array.isArray(v) ? v.filter((e): e is number => typeof e === 'number') : [])

const CODE_TTL_MS = 5 * 60_000

export function createWechatStandinApp(opts: WechatStandinOptions): { app: Koa; security: SecurityState } {
  const tokens = new StandinTokens(opts.tokenTtlSeconds ?? 7200)
  const security: SecurityState = {
    appId: opts.appId,
    pushUrl: opts.pushUrl,
    pushToken: opts.pushToken,
    mediaCheckDelayMs: opts.mediaCheckDelayMs,
    mediaVerdicts: [],
    faults: [],
    running: new Set(),
    closed: false,
  }
  const subscribe: SubscribeState = { templates: opts.templates, faults: [], sent: [] }
  const codes = new Map<string, { openid: string; expiresAt: number }>()
  const sessionKeys = new Map<string, string>()
  const faults: number[] = []
  const quota = opts.minuteQuota ?? 600
  let window = { start: Date.now(), count: 0 }

  const router = new Router()
  router.get('/sns/jscode2session', (ctx) => {
    const q = ctx.query
    if (q.appid !== opts.appId) return void (ctx.body = { errcode: 40013, errmsg: 'invalid appid' })
    if (q.secret !== opts.appSecret) return void (ctx.body = { errcode: 40125, errmsg: 'invalid appsecret' })
    if (q.grant_type !== 'authorization_code') return void (ctx.body = { errcode: 40002, errmsg: 'invalid grant_type' })
    if (Date.now() - window.start > 60_000) window = { start: Date.now(), count: 0 }
    if (++window.count > quota)
      return void (ctx.body = { errcode: 45011, errmsg: 'api minute-quota reach limit mustslower retry next minute' })
    const fault = faults.shift()
    if (fault !== undefined) return void (ctx.body = { errcode: fault, errmsg: fault === -1 ? 'system error' : 'injected' })
    const code = typeof q.js_code === 'string' ? q.js_code : ''
    const entry = codes.get(code)
    if (!entry || entry.expiresAt < Date.now()) return void (ctx.body = { errcode: 40029, errmsg: 'invalid code' })
    codes.delete(code)
    const sessionKey = sessionKeys.get(entry.openid) ?? randomBytes(16).toString('base64')
    sessionKeys.set(entry.openid, sessionKey)
    ctx.body = { openid: entry.openid, session_key: sessionKey }
  })

  // What wx.login does on the phone: mint a one-time code for an openid.
  router.post('/dev/codes', (ctx) => {
    const openid = (ctx.request.body as { openid?: unknown } | undefined)?.openid
    if (typeof openid !== 'string' || !/^[\w-]{6,64}$/.test(openid)) {
      ctx.status = 400
      ctx.body = { errcode: 40003, errmsg: 'invalid openid' }
      return
    }
    const code = randomBytes(16).toString('hex')
    codes.set(code, { openid, expiresAt: Date.now() + CODE_TTL_MS })
    ctx.body = { code }
  })

  registerTokenRoutes(router, opts, tokens)
  registerSecurityRoutes(router, tokens, security)
  registerSubscribeRoutes(router, tokens, subscribe)

  /**
   * Tests inject WeChat's failures: `errcodes` fail the next code2Session calls, `checkErrcodes`
   * the next text or media checks, `mediaVerdicts`
   * decide the next media checks ('risky', 'review'), `subscribeErrcodes` fail the next subscribe
   * sends, `expireTokens` / `revokeTokens` make every issued access token answer 42001 / 40001.
   */
  router.post('/dev/faults', (ctx) => {
    const body = (ctx.request.body ?? {}) as Faults
    faults.push(...numbers(body.errcodes))
    security.faults.push(...numbers(body.checkErrcodes))
    if (Array.isArray(body.mediaVerdicts)) {
      security.mediaVerdicts.push(...body.mediaVerdicts.filter((v): v is Suggest => v === 'pass' || v === 'review' || v === 'risky'))
    }
    subscribe.faults.push(...numbers(body.subscribeErrcodes))
    if (body.expireTokens === true) tokens.expireAll()
    if (body.revokeTokens === true) tokens.revokeAll()
    ctx.body = {
      pending: faults.length,
      checkErrcodes: security.faults.length,
      mediaVerdicts: security.mediaVerdicts.length,
      subscribeErrcodes: subscribe.faults.length,
    }
  })

  const app = new Koa()
  app.use(bodyParser())
  app.use(router.routes())
  return { app, security }
}

export async function startWechatStandin(opts: WechatStandinOptions): Promise<WechatStandin> {
  if (opts.pushUrl !== undefined) checkedPushUrl(opts.pushUrl)
  const { app, security } = createWechatStandinApp(opts)
  // A port already taken fails the start (main reports it), not the process through an unhandled 'error'.
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(opts.port ?? 0, '127.0.0.1')
    s.once('listening', () => resolve(s)).once('error', reject)
  })
  server.on('error', () => undefined) // after listening, errors reach the connections, not the server
  const addr = server.address()
  const port = typeof addr === 'object' && addr ? addr.port : 0
  return {
    url: `http://127.0.0.1:${port}`,
    setPushUrl: (url) => {
      security.pushUrl = checkedPushUrl(url)
    },
    close: async () => {
      security.closed = true
      await Promise.allSettled([...security.running])
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

/** A push URL that cannot be parsed is a mistake of whoever sets it: say so now, not at the first push. */
function checkedPushUrl(url: string): string {
  if (!URL.canParse(url)) throw new TypeError(`WeChat stand-in: the push URL is not a URL (${url})`)
  return url
}
