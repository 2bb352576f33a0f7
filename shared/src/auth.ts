import { z } from 'zod'
import { roleSchema } from './roles'

export const wechatLoginSchema = z.object({
  code: z.string().trim().min(1, '缺少登录凭证').max(128),
})
export type WechatLoginInput = z.infer<typeof wechatLoginSchema>

export const refreshSchema = z.object({
  refreshToken: z.string().min(20).max(200),
})
export type RefreshInput = z.infer<typeof refreshSchema>

export const sessionUserSchema = z.object({
  id: z.number().int(),
  role: roleSchema,
  name: z.string(),
})
export type SessionUser = z.infer<typeof sessionUserSchema>

export const tokenPairSchema = z.object({
  accessToken: z.string(),
  /** Seconds until the access token expires. */
  expiresIn: z.number().int(),
  refreshToken: z.string(),
  user: sessionUserSchema,
})
export type TokenPair = z.infer<typeof tokenPairSchema>

/** A demo identity offered on the login page when the server talks to the WeChat stand-in. */
export const demoIdentitySchema = z.object({
  key: z.string(),
  label: z.string(),
  role: roleSchema,
  description: z.string(),
})
export type DemoIdentity = z.infer<typeof demoIdentitySchema>

export const demoCodeRequestSchema = z.object({ key: z.string().min(1).max(64) })
export const demoCodeResponseSchema = z.object({ code: z.string() })

export const loginOptionsSchema = z.object({
  /** True when the server's WeChat API is the local stand-in: the login page lists demo identities. */
  demo: z.boolean(),
  identities: z.array(demoIdentitySchema),
})
export type LoginOptions = z.infer<typeof loginOptionsSchema>
