import { createHash, randomInt } from 'node:crypto'
import type Router from '@koa/router'
import type { Context } from 'koa'
import { acceptToken, type StandinTokens } from './access-tokens'
import { ERRMSG, isOpenid, newTraceId, rid } from './replies'

/**
 * The stand-in's content security: `msg_sec_check` (v2) answers at once; `media_check_async`
 * answers with a trace_id, fetches the image itself, and later pushes a signed `wxa_media_check`
 * event to the mini-program's message push URL, as WeChat does.
 */

type Suggest = 'pass' | 'review' | 'risky'

/** The stand-in's whole "model": a few words that any real check would flag. Labels are WeChat's. */
const RISKY_WORDS: ReadonlyArray<readonly [string, number]> = [
  ['赌博', 20006], // 违法犯罪
  ['代开发票', 20006],
  ['枪支', 20006],
  ['办证', 20006],
  ['颠覆国家政权', 20001], // 时政
]
const NORMAL = 100
const OTHER = 21000
const MAX_MEDIA_BYTES = 10 * 1024 * 1024

export interface SecurityState {
  appId: string
  /** The mini-program's configured push URL and Token; without a URL, results are not pushed (as in WeChat). */
  pushUrl?: string
  pushToken?: string
  mediaCheckDelayMs?: number
  /** Tests: verdicts the next media checks give, whatever the image. */
  mediaVerdicts: Suggest[]
  /** Tests: errcodes the next text or media checks fail with. */
  faults: number[]
  /** Media checks still running, so that closing the stand-in can wait for them. */
  running: Set<Promise<void>>
  closed: boolean
}

function textVerdict(content: string): { suggest: Suggest; label: number; keyword?: string } {
  const hit = RISKY_WORDS.find(([word]) => content.includes(word))
  return hit ? { suggest: 'risky', label: hit[1], keyword: hit[0] } : { suggest: 'pass', label: NORMAL }
}

const validScene = (scene: unknown) => scene === 1 || scene === 2 || scene === 3 || scene === 4

/** Answers with the next injected errcode, if a test queued one. */
function injectedFault(ctx: Context, state: SecurityState): boolean {
  const errcode = state.faults.shift()
  if (errcode === undefined) return false
  ctx.body = { errcode, errmsg: rid(ERRMSG[errcode] ?? 'injected') }
  return true
}

export function registerSecurityRoutes(router: Router, tokens: StandinTokens, state: SecurityState): void {
  router.post('/wxa/msg_sec_check', (ctx) => {
    if (!acceptToken(ctx, tokens) || injectedFault(ctx, state)) return
    const b = (ctx.request.body ?? {}) as Record<string, unknown>
    if (b.version !== 2 || typeof b.content !== 'string') return void (ctx.body = { errcode: 47001, errmsg: rid('data format error') })
    if (!validScene(b.scene)) return void (ctx.body = { errcode: 40097, errmsg: rid('invalid args') })
    if (!isOpenid(b.openid)) return void (ctx.body = { errcode: 40003, errmsg: rid('invalid openid') })
    const verdict = textVerdict(`${typeof b.title === 'string' ? b.title : ''}\n${b.content}`)
    const detail: object[] = [{ strategy: 'content_model', errcode: 0, suggest: verdict.suggest, label: verdict.label, prob: 90 }]
    if (verdict.keyword)
      detail.push({ strategy: 'keyword', errcode: 0, suggest: 'risky', label: verdict.label, level: 20, keyword: verdict.keyword })
    ctx.body = { errcode: 0, errmsg: 'ok', result: { suggest: verdict.suggest, label: verdict.label }, detail, trace_id: newTraceId() }
  })

  router.post('/wxa/media_check_async', (ctx) => {
    if (!acceptToken(ctx, tokens) || injectedFault(ctx, state)) return
    const b = (ctx.request.body ?? {}) as Record<string, unknown>
    if (b.version !== 2 || typeof b.media_url !== 'string' || (b.media_type !== 1 && b.media_type !== 2)) {
      return void (ctx.body = { errcode: 47001, errmsg: rid('data format error') })
    }
    if (!validScene(b.scene)) return void (ctx.body = { errcode: 40097, errmsg: rid('invalid args') })
    if (!isOpenid(b.openid)) return void (ctx.body = { errcode: 40003, errmsg: rid('invalid openid') })
    const traceId = newTraceId()
    const forced = state.mediaVerdicts.shift()
    // Runs after the answer, with no one awaiting it: it must not reject (an unhandled rejection ends
    // the process, and the stand-in runs inside `npm start`). A check that fails pushes nothing,
    // as when WeChat cannot reach the push URL.
    const job: Promise<void> = checkMediaLater(state, { traceId, mediaUrl: b.media_url, openid: b.openid, forced })
      .catch(() => undefined)
      .finally(() => state.running.delete(job))
    state.running.add(job)
    ctx.body = { errcode: 0, errmsg: 'ok', trace_id: traceId }
  })
}

async function fetchImage(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(5000) })
    if (!res.ok) return false
    const bytes = Buffer.from(await res.arrayBuffer())
    return bytes.length > 0 && bytes.length <= MAX_MEDIA_BYTES && (res.headers.get('content-type') ?? '').startsWith('image/')
  } catch {
    return false
  }
}

async function checkMediaLater(
  state: SecurityState,
  job: { traceId: string; mediaUrl: string; openid: string; forced?: Suggest },
): Promise<void> {
  const fetched = await fetchImage(job.mediaUrl)
  await new Promise((resolve) => setTimeout(resolve, state.mediaCheckDelayMs ?? 50))
  const result: { suggest: Suggest; label: number } = !fetched
    ? { suggest: 'risky', label: OTHER }
    : job.forced
      ? { suggest: job.forced, label: job.forced === 'pass' ? NORMAL : 20002 }
      : { suggest: 'pass', label: NORMAL }
  const event = {
    ToUserName: 'gh_a1b2c3d4e5f6',
    FromUserName: job.openid,
    CreateTime: Math.floor(Date.now() / 1000),
    MsgType: 'event',
    Event: 'wxa_media_check',
    appid: state.appId,
    trace_id: job.traceId,
    version: 2,
    detail: [{ strategy: 'content_model', errcode: fetched ? 0 : 90002, suggest: result.suggest, label: result.label, prob: 90 }],
    errcode: 0,
    errmsg: 'ok',
    result,
  }
  await pushEvent(state, event)
}

/**
 * POSTs an event to the push URL in JSON, signed the WeChat way; WeChat retries a push that is not
 * answered "success" (it tries three times in all).
 */
export async function pushEvent(state: SecurityState, event: object): Promise<void> {
  if (!state.pushUrl || !state.pushToken) return
  for (let attempt = 0; attempt < 3 && !state.closed; attempt++) {
    const timestamp = String(Math.floor(Date.now() / 1000))
    const nonce = String(randomInt(1e9))
    const signature = createHash('sha1').update([state.pushToken, timestamp, nonce].sort().join('')).digest('hex')
    try {
      const url = new URL(state.pushUrl)
      url.search = new URLSearchParams({ signature, timestamp, nonce }).toString()
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(event),
        signal: AbortSignal.timeout(5000),
      })
      const text = (await res.text()).trim()
      if (res.ok && (text === 'success' || text === '')) return
    } catch {
      // unreachable (or no URL at all): retry like WeChat
    }
    await new Promise((resolve) => setTimeout(resolve, 200 * (attempt + 1)))
  }
}
