import { createHash, timingSafeEqual } from 'node:crypto'
import type { Context } from 'koa'
import { z } from 'zod'
import type { AppContext } from '../../context'
import { AppError, notFound } from '../../errors/app-error'
import { route, type AnyRoute } from '../../lib/route'
import { recordMediaCheckResult } from './service'

/**
 * The mini-program's message push URL (configured in JSON mode, plaintext). WeChat signs every
 * request with the push Token: `signature = sha1(sort([token, timestamp, nonce]).join(''))`.
 * Today the only event Anju acts on is `wxa_media_check`, the verdict of an image check.
 */

const signedQuery = z.object({
  signature: z.string().catch(''),
  timestamp: z.string().catch(''),
  nonce: z.string().catch(''),
  echostr: z.string().optional(),
})

const mediaCheckEvent = z.object({
  Event: z.literal('wxa_media_check'),
  appid: z.string().optional(),
  trace_id: z.string().min(1).max(64),
  result: z.object({ suggest: z.enum(['pass', 'review', 'risky']), label: z.number() }),
  detail: z.array(z.object({ strategy: z.string().optional(), suggest: z.string().optional() }).loose()).optional(),
})

function verifySignature(token: string, q: z.infer<typeof signedQuery>): void {
  const expected = createHash('sha1').update([token, q.timestamp, q.nonce].sort().join('')).digest('hex')
  const given = Buffer.from(q.signature)
  if (given.length !== expected.length || !timingSafeEqual(given, Buffer.from(expected))) {
    throw new AppError(401, 'unauthenticated', '推送签名无效')
  }
}

/** WeChat reads the body: "success" (or empty) means received; anything else is retried. */
function answerSuccess(ctx: Context): string {
  ctx.type = 'text/plain'
  return 'success'
}

export function wechatPushRoutes(app: AppContext): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: '/api/wechat/push',
      summary: 'WeChat message push URL check: echoes echostr when signed with the push Token',
      tag: 'wechat',
      access: 'public',
      query: signedQuery,
      handler: ({ query, ctx }) => {
        verifySignature(app.config.wechat.pushToken, query)
        ctx.type = 'text/plain'
        return query.echostr ?? ''
      },
    }),
    route({
      method: 'post',
      path: '/api/wechat/push',
      summary: 'WeChat message push (JSON): wxa_media_check verdicts set an upload to pass or held',
      tag: 'wechat',
      access: 'public',
      query: signedQuery,
      body: z.unknown(),
      handler: async ({ query, body, ctx }) => {
        verifySignature(app.config.wechat.pushToken, query)
        const event = mediaCheckEvent.safeParse(body)
        if (!event.success) return answerSuccess(ctx) // other events: received, nothing to do
        if (event.data.appid && event.data.appid !== app.config.wechat.appId) {
          app.log.warn('media check push for another appid ignored', { traceId: event.data.trace_id })
          return answerSuccess(ctx)
        }
        const { trace_id: traceId, result, detail } = event.data
        const strategy = detail?.find((d) => d.suggest === result.suggest)?.strategy
        const applied = await recordMediaCheckResult(app, {
          traceId,
          suggest: result.suggest,
          label: result.label,
          ...(strategy ? { strategy } : {}),
        })
        // The verdict can beat our own write of the trace id; not "success", so WeChat pushes again.
        if (!applied) throw notFound('内容检测记录')
        app.log.info('media check verdict', { traceId, suggest: result.suggest, label: result.label })
        return answerSuccess(ctx)
      },
    }),
  ]
}
