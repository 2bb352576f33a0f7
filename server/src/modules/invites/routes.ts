import { z } from 'zod'
import { createInviteSchema, inviteSchema, redeemInviteSchema, tokenPairSchema } from '@anju/shared'
import type { AppContext } from '../../context'
import { route } from '../../lib/route'
import { createInvite, listInvites, redeemInvite } from './service'

export const inviteRoutes = (app: AppContext) => [
  route({
    method: 'post',
    path: '/api/invites',
    tag: 'invites',
    access: ['dispatcher', 'admin'],
    status: 201,
    summary: '创建一次性邀请码（角色、范围、有效期）',
    body: createInviteSchema,
    response: inviteSchema,
    handler: ({ user, body }) => createInvite(app, user, body),
  }),
  route({
    method: 'get',
    path: '/api/invites',
    tag: 'invites',
    access: ['dispatcher', 'admin'],
    summary: '我创建的邀请码',
    response: z.object({ items: z.array(inviteSchema) }),
    handler: ({ user }) => listInvites(app, user),
  }),
  route({
    method: 'post',
    path: '/api/auth/redeem-invite',
    tag: 'auth',
    access: 'user',
    summary: '使用邀请码成为工作人员（楼长民警、志愿者、值班台）',
    body: redeemInviteSchema,
    response: tokenPairSchema,
    limits: ['invite-by-user', 'invite-by-address'],
    handler: ({ body, user, ctx }) => redeemInvite(app, user, body, ctx.ip),
  }),
]
