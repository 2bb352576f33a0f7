import { z } from 'zod'
import { buildingSearchQuerySchema, buildingSummarySchema, idSchema, placeImportResultSchema } from '@anju/shared'
import type { AppContext } from '../../context'
import { referenceDataChanged } from '../../db/reference-data'
import { forbidden, notFound } from '../../errors/app-error'
import { route } from '../../lib/route'
import { mayManageBuilding, staffReach } from '../officers/service'
import { buildingLink, buildingQrSign } from './qr-sign'
import { Place } from './entities'
import { importPlaces } from './import'
import { emptyCsv, PLACE_CSV_MAX_BYTES, placeCsvFileRecords, withRequestBodyFile } from './import-csv'
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
    path: '/api/places/buildings/:id/qr.svg',
    tag: 'places',
    access: ['officer', 'dispatcher', 'admin'],
    summary: '楼栋二维码门牌（SVG，可打印）：居民扫码即可绑定该楼栋',
    params: z.object({ id: idSchema }),
    handler: async ({ params, user, ctx }) => {
      const building = await app.ds.getRepository(Place).findOneBy({ id: params.id, level: 'building' })
      if (!building || !(await mayManageBuilding(app, user, building))) throw notFound('楼栋')
      const [summary] = await summarizeBuildings(app.ds.manager, [building])
      ctx.type = 'image/svg+xml'
      return buildingQrSign(summary!, buildingLink(app.config.publicBaseUrl ?? `${ctx.protocol}://${ctx.host}`, building.code!))
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
  route({
    method: 'post',
    path: '/api/places/import',
    tag: 'places',
    access: ['dispatcher', 'admin'],
    summary: '导入楼栋 CSV（逐行校验，可重复导入）',
    rawBody: {
      contentType: 'text/csv',
      description: '列：district,street,community,grid,building_code,building,address,units,officer_police_number',
    },
    response: placeImportResultSchema,
    handler: async ({ ctx, user }) => {
      // The body parser leaves text/csv alone: the import reads its own body as a stream, with its own limit.
      if (!ctx.is('text/csv')) throw emptyCsv()
      // A desk without a scope place imports nowhere (not everywhere); an admin without one, anywhere.
      const reach = await staffReach(app.ds.manager, user.id)
      if (reach === null) throw forbidden('您的账号尚未设置管辖范围')
      const scope = reach === 'all' ? null : reach
      const result = await withRequestBodyFile(ctx.req, PLACE_CSV_MAX_BYTES, (file) =>
        importPlaces(app.ds, () => placeCsvFileRecords(file), { scope }),
      )
      referenceDataChanged(app.ds)
      return result
    },
  }),
]
