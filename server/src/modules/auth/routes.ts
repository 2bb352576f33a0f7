import { z } from 'zod'
import {
  demoCodeRequestSchema,
  demoCodeResponseSchema,
  loginOptionsSchema,
  refreshSchema,
  tokenPairSchema,
  wechatLoginSchema,
} from '@anju/shared'
import type { AppContext } from '../../context'
import { route } from '../../lib/route'
import { demoCode, loginOptions, loginWithWechat, logout, refreshSession } from './service'

export const authRoutes = (app: AppContext) => [
  route({
    method: 'get',
    path: '/api/auth/options',
    tag: 'auth',
    access: 'public',
    summary: '登录方式：使用微信替身服务时列出演示账号',
    response: loginOptionsSchema,
    handler: () => loginOptions(app),
  }),
  route({
    method: 'post',
    path: '/api/auth/demo-code',
    tag: 'auth',
    access: 'public',
    demoOnly: true,
    summary: '（仅演示环境）为演示账号取得登录凭证 code，相当于手机上的 wx.login',
    body: demoCodeRequestSchema,
    response: demoCodeResponseSchema,
    handler: ({ body }) => demoCode(app, body.key),
  }),
  route({
    method: 'post',
    path: '/api/auth/wechat-login',
    tag: 'auth',
    access: 'public',
    summary: '微信登录：用 wx.login 的 code 换取令牌（服务端调用 code2Session）',
    body: wechatLoginSchema,
    response: tokenPairSchema,
    limits: ['login-by-address', 'login-by-code'],
    handler: ({ body, ctx }) => loginWithWechat(app, body.code, ctx.ip),
  }),
  route({
    method: 'post',
    path: '/api/auth/refresh',
    tag: 'auth',
    access: 'public',
    summary: '刷新令牌（旧的刷新令牌随即失效）',
    body: refreshSchema,
    response: tokenPairSchema,
    limits: ['refresh-by-address'],
    handler: ({ body, ctx }) => refreshSession(app, body.refreshToken, ctx.ip),
  }),
  route({
    method: 'post',
    path: '/api/auth/logout',
    tag: 'auth',
    access: 'public',
    status: 204,
    summary: '退出登录：吊销该设备的刷新令牌',
    body: refreshSchema,
    response: z.undefined(),
    handler: ({ body }) => logout(app, body.refreshToken),
  }),
]
