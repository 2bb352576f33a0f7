import { z } from 'zod'
import { buildingSearchQuerySchema, buildingSummarySchema } from '@anju/shared'
import type { AppContext } from '../../context'
import { notFound } from '../../errors/app-error'
import { route } from '../../lib/route'
import { Place } from './entities'
import { listCommunities, searchBuildings, summarizeBuildings } from './repository'

const communitiesQuery = z.object({
  q: z.string().trim().max(40).optional().default(''),
  limit: z.coerce.number().int().min(1).max(500).optional().default(200),
})

export const placeRoutes = (app: AppContext) => [
  route({
    method: 'get',
    path: '/api/places/buildings',
    tag: 'places',
    access: 'user',
    summary: '按社区、楼栋名称搜索楼栋（居民绑定住址用）',
    query: buildingSearchQuerySchema,
    response: z.object({ items: z.array(buildingSummarySchema) }),
    handler: async ({ query }) => {
      const buildings = await searchBuildings(app.ds.manager, query.q, query.communityId, query.limit)
      return { items: await summarizeBuildings(app.ds.manager, buildings) }
    },
  }),
  route({
    method: 'get',
    path: '/api/places/buildings/by-code/:code',
    tag: 'places',
    access: 'user',
    summary: '按楼栋二维码上的编码查找楼栋',
    params: z.object({ code: z.string().max(40) }),
    response: buildingSummarySchema,
    handler: async ({ params }) => {
      const building = await app.ds.getRepository(Place).findOneBy({ code: params.code, level: 'building' })
      if (!building) throw notFound('楼栋')
      const [summary] = await summarizeBuildings(app.ds.manager, [building])
      return summary!
    },
  }),
  route({
    method: 'get',
    path: '/api/places/communities',
    tag: 'places',
    access: 'user',
    summary: '社区列表（可按名称筛选）',
    query: communitiesQuery,
    response: z.object({ items: z.array(z.object({ id: z.number().int(), name: z.string(), street: z.string() })) }),
    handler: async ({ query }) => ({ items: await listCommunities(app.ds.manager, query.q, query.limit) }),
  }),
]
