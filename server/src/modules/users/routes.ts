import { bindResidenceSchema, meSchema, updateMeSchema } from '@anju/shared'
import type { AppContext } from '../../context'
import { route } from '../../lib/route'
import { bindResidence, getMe, renameMe } from './service'

export const userRoutes = (app: AppContext) => [
  route({
    method: 'get',
    path: '/api/me',
    tag: 'me',
    access: 'user',
    summary: '我的资料：身份、绑定的楼栋、工作范围',
    response: meSchema,
    handler: ({ user }) => getMe(app, user.id),
  }),
  // Idempotent without a key: sets the name sent.
  route({
    method: 'patch',
    path: '/api/me',
    tag: 'me',
    access: 'user',
    summary: '修改称呼',
    body: updateMeSchema,
    response: meSchema,
    handler: ({ user, body }) => renameMe(app, user.id, body),
  }),
  // Idempotent without a key: sets the one residence.
  route({
    method: 'put',
    path: '/api/me/residence',
    tag: 'me',
    access: ['resident'],
    summary: '绑定或更换居住的楼栋和单元',
    body: bindResidenceSchema,
    response: meSchema,
    handler: ({ user, body }) => bindResidence(app, user.id, body),
  }),
]
