import { z } from 'zod'
import { clientKeySchema, photoSchema } from '@anju/shared'
import type { AppContext } from '../../context'
import { route, type AnyRoute } from '../../lib/route'
import { readSingleFile } from './multipart'
import { MAX_UPLOAD_BYTES, UPLOAD_PURPOSES, createUpload, readSignedContent } from './service'
import { wechatPushRoutes } from './wechat-push'

export function uploadRoutes(app: AppContext): AnyRoute[] {
  return [
    route({
      method: 'post',
      path: '/api/uploads',
      summary: 'Upload one photo (re-encoded without metadata; WeChat media check starts)',
      tag: 'uploads',
      access: 'user' as const,
      // The key is optional so older app versions can still upload; the app sends one per chosen photo.
      query: z.object({ purpose: z.enum(UPLOAD_PURPOSES, '上传用途不正确'), clientKey: clientKeySchema.optional() }),
      rawBody: {
        contentType: 'multipart/form-data',
        description: 'One image (JPEG, PNG, WebP, GIF) ≤ 10 MB in the field "file", as Taro.uploadFile sends it.',
      },
      response: photoSchema,
      limits: ['uploads'],
      status: 201,
      handler: async ({ query, ctx, user }) => {
        const bytes = await readSingleFile(ctx, { field: 'file', maxBytes: MAX_UPLOAD_BYTES })
        return createUpload(app, user, query.purpose, bytes, query.clientKey ?? null)
      },
    }),
    route({
      method: 'get',
      path: '/api/uploads/:id/content',
      summary: 'The bytes of an upload, through a signed, expiring URL (as <Image src> cannot send a token)',
      tag: 'uploads',
      access: 'public',
      params: z.object({ id: z.coerce.number().int().positive() }),
      // A missing or malformed signature is a 403 like a wrong one, not a validation error.
      query: z.object({ exp: z.coerce.number().int().catch(0), sig: z.string().max(100).catch('') }),
      handler: async ({ params, query, ctx }) => {
        const { bytes, mime } = await readSignedContent(app, params.id, query.exp, query.sig)
        ctx.type = mime
        // The URL itself expires; the bytes behind an id never change. Private: these are residents' photos.
        const maxAge = Math.max(0, query.exp - Math.floor(app.now().getTime() / 1000))
        ctx.set('Cache-Control', `private, max-age=${maxAge}, immutable`)
        ctx.set('X-Content-Type-Options', 'nosniff')
        return bytes
      },
    }),
    ...wechatPushRoutes(app),
  ]
}
