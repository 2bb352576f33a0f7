import { z } from 'zod'
import { bindResidenceSchema, buildingLeadCardSchema, idSchema, meSchema, updateMeSchema } from '@anju/shared'
import type { AppContext } from '../../context'
import { route } from '../../lib/route'
import { buildingLeadCardFor } from '../officers/service'
import { bindResidence, getMe, renameMe, residentFor } from './service'

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
  route({
    method: 'get',
    path: '/api/me/building-lead',
    tag: 'me',
    access: ['resident'],
    summary: '我的楼长民警，以及民警休息时值守的值班台',
    response: buildingLeadCardSchema,
    handler: ({ user }) => buildingLeadCardFor(app, user.id),
  }),
  route({
    method: 'get',
    path: '/api/residents/:id',
    tag: 'residents',
    access: 'user',
    summary: '居民档案（本人、所在楼栋的楼长民警、管辖的值班台可见）',
    params: z.object({ id: idSchema }),
    response: z.object({
      id: z.number().int(),
      name: z.string(),
      building: z.object({ id: z.number().int(), name: z.string() }).nullable(),
      unit: z.object({ id: z.number().int(), name: z.string() }).nullable(),
    }),
    handler: ({ user, params }) => residentFor(app, user, params.id),
  }),
]
