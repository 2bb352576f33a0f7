import type Router from '@koa/router'
import { acceptToken, type StandinTokens } from './access-tokens'
import { ERRMSG, isOpenid, rid } from './replies'

/**
 * The stand-in's `subscribeMessage.send`: checks the message the way WeChat does (openid,
 * template, each data field against its type's rules) and keeps what it "delivered" in memory
 * for tests and the demo (`GET /dev/subscribe-messages`).
 */
export interface SentSubscribeMessage {
  msgid: number
  touser: string
  template_id: string
  page?: string
  data: Record<string, { value: string }>
  miniprogram_state: string
  lang: string
  sentAt: string
}

export interface SubscribeState {
  /** Template IDs the mini-program has; unset accepts any. */
  templates?: readonly string[]
  /** Tests: errcodes the next sends fail with. */
  faults: number[]
  sent: SentSubscribeMessage[]
}

/** WeChat's rules for template field values, by the key's type prefix (thing1, time4, …). */
const FIELD_RULES: Record<string, (v: string) => boolean> = {
  thing: (v) => [...v].length <= 20,
  character_string: (v) => v.length <= 32 && /^[\x21-\x7e]+$/.test(v),
  phrase: (v) => /^[\u4e00-\u9fa5]{1,5}$/.test(v),
  time: (v) => /^\d{4}([-/年])\d{1,2}([-/月])\d{1,2}日?( \d{1,2}:\d{2}(:\d{2})?)?$/.test(v) || /^\d{1,2}:\d{2}(:\d{2})?$/.test(v),
  date: (v) => /^\d{4}([-/年])\d{1,2}([-/月])\d{1,2}日?( \d{1,2}:\d{2}(:\d{2})?)?$/.test(v),
  number: (v) => v.length <= 32 && /^\d+(\.\d+)?$/.test(v),
  name: (v) => [...v].length <= 20,
  phone_number: (v) => v.length <= 17 && /^[\d+\-() ]+$/.test(v),
  amount: (v) => v.length <= 32 && /^¥?\d+(\.\d+)?元?$/.test(v),
}

function invalidField(data: unknown): string | null {
  if (!data || typeof data !== 'object') return 'data'
  for (const [key, field] of Object.entries(data as Record<string, unknown>)) {
    const value = (field as { value?: unknown } | null)?.value
    if (typeof value !== 'string' || value === '') return `data.${key}.value`
    const rule = FIELD_RULES[key.replace(/\d+$/, '')]
    if (rule && !rule(value)) return `data.${key}.value`
  }
  return null
}

export function registerSubscribeRoutes(router: Router, tokens: StandinTokens, state: SubscribeState): void {
  // Real msgids are 64-bit; these stay below 2^53 so JSON readers keep them exact.
  let nextMsgid = Date.now() * 1000

  router.post('/cgi-bin/message/subscribe/send', (ctx) => {
    if (!acceptToken(ctx, tokens)) return
    const b = (ctx.request.body ?? {}) as Record<string, unknown>
    const fail = (errcode: number, detail = '') => void (ctx.body = { errcode, errmsg: rid(`${ERRMSG[errcode] ?? 'injected'}${detail}`) })
    if (!isOpenid(b.touser)) return fail(40003)
    if (typeof b.template_id !== 'string' || (state.templates && !state.templates.includes(b.template_id))) return fail(40037)
    if (b.page !== undefined && typeof b.page !== 'string') return fail(47003, ' page invalid')
    const badField = invalidField(b.data)
    if (badField) return fail(47003, ` ${badField} invalid`)
    const state_ = b.miniprogram_state ?? 'formal'
    if (state_ !== 'developer' && state_ !== 'trial' && state_ !== 'formal') return fail(47003, ' miniprogram_state invalid')
    const lang = b.lang ?? 'zh_CN'
    if (!['zh_CN', 'en_US', 'zh_HK', 'zh_TW'].includes(lang as string)) return fail(47003, ' lang invalid')
    const fault = state.faults.shift()
    if (fault !== undefined) return fail(fault)
    const msgid = nextMsgid++
    // A long-running dev server keeps only the latest messages.
    if (state.sent.length >= 1000) state.sent.shift()
    state.sent.push({
      msgid,
      touser: b.touser,
      template_id: b.template_id,
      ...(typeof b.page === 'string' ? { page: b.page } : {}),
      data: b.data as Record<string, { value: string }>,
      miniprogram_state: state_,
      lang: lang as string,
      sentAt: new Date().toISOString(),
    })
    ctx.body = { errcode: 0, errmsg: 'ok', msgid }
  })

  // Tests and the demo: what reached residents' phones.
  router.get('/dev/subscribe-messages', (ctx) => {
    ctx.body = { items: state.sent }
  })
}
