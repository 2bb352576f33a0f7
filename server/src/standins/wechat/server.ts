import { randomBytes } from 'node:crypto'
import type { Server } from 'node:http'
import Koa from 'koa'
import Router from '@koa/router'
import { bodyParser } from '@koa/bodyparser'

/**
 * A local stand-in for WeChat's server API, for development and tests only. It speaks the real
 * protocol (paths, query parameters, errcode/errmsg replies), so the production client runs
 * against it unchanged. The /dev routes play the part of the WeChat app on the phone (wx.login
 * minting a code) and let tests inject WeChat's failures.
 */
export interface WechatStandinOptions {
  appId: string
  appSecret: string
  port?: number
  /** code2Session calls allowed per minute before errcode 45011. */
  minuteQuota?: number
}

export interface WechatStandin {
  url: string
  close(): Promise<void>
}

const CODE_TTL_MS = 5 * 60_000

export function createWechatStandinApp(opts: WechatStandinOptions): Koa {
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
    if (++window.count > quota) return void (ctx.body = { errcode: 45011, errmsg: 'api minute-quota reach limit mustslower retry next minute' })
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

  // Tests: make the next code2Session calls fail with these errcodes.
  router.post('/dev/faults', (ctx) => {
    const errcodes = (ctx.request.body as { errcodes?: unknown } | undefined)?.errcodes
    if (Array.isArray(errcodes)) faults.push(...errcodes.filter((e): e is number => typeof e === 'number'))
    ctx.body = { pending: faults.length }
  })

  const app = new Koa()
  app.use(bodyParser())
  app.use(router.routes())
  return app
}

export async function startWechatStandin(opts: WechatStandinOptions): Promise<WechatStandin> {
  const app = createWechatStandinApp(opts)
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(opts.port ?? 0, '127.0.0.1', () => resolve(s))
  })
  const addr = server.address()
  const port = typeof addr === 'object' && addr ? addr.port : 0
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

/** Ask the stand-in for a login code, as wx.login would on a phone. */
export async function mintStandinCode(standinUrl: string, openid: string): Promise<string> {
  const res = await fetch(new URL('/dev/codes', standinUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ openid }),
  })
  if (!res.ok) throw new Error(`stand-in refused a code for this openid (${res.status})`)
  return ((await res.json()) as { code: string }).code
}
