import { z } from 'zod'
import {
  assignBuildingLeadSchema,
  buildingLeadCardSchema,
  deskOverviewSchema,
  idSchema,
  officerCardSchema,
  officerOverviewSchema,
  officerProfileUpdateSchema,
  placeImportResultSchema,
} from '@anju/shared'
import type { AppContext } from '../../context'
import { referenceDataChanged } from '../../db/reference-data'
import { forbidden, notFound } from '../../errors/app-error'
import { route } from '../../lib/route'
import { buildingQrSvg, emptyCsv, findBuilding, PLACE_CSV_MAX_BYTES, placeCsvFileRecords, withRequestBodyFile } from '../places'
import { importBuildings } from './building-import'
import { buildingLeadCardFor, officerOverview } from './cards'
import { deskOverview } from './desk-overview'
import { assignBuildingLead } from './lead-assignment'
import { mayManageBuilding } from './permissions'
import { updateOfficerProfile } from './profiles'
import { residentFor } from './resident-record'
import { staffReach } from './scopes'

/**
 * Officers' and duty desks' routes, and the routes of other modules' paths whose permission is
 * an officer's or a desk's (a building's sign, the places import, a resident's record, 我的楼长民警).
 */

export const officerRoutes = (app: AppContext) => [
  route({
    method: 'get',
    path: '/api/officer/overview',
    tag: 'officers',
    access: ['officer'],
    summary: '楼长民警首页：负责的楼栋及居民数',
    response: officerOverviewSchema,
    handler: ({ user }) => officerOverview(app, user.id),
  }),
  // Idempotent without a key: sets the fields sent (phone, duty hours, leave); creates no rows.
  route({
    method: 'patch',
    path: '/api/officer/profile',
    tag: 'officers',
    access: ['officer'],
    summary: '修改工作电话、职责、值班时间或休假',
    body: officerProfileUpdateSchema,
    response: officerCardSchema,
    handler: ({ user, body }) => updateOfficerProfile(app, user.id, body),
  }),
  route({
    method: 'get',
    path: '/api/desk/overview',
    tag: 'duty-desk',
    access: ['dispatcher', 'admin'],
    summary: '值班台首页：管辖范围内的楼栋、民警在岗情况',
    response: deskOverviewSchema,
    handler: ({ user }) => deskOverview(app, user.id),
  }),
  // Idempotent without a key: sets the building's one lead officer.
  route({
    method: 'put',
    path: '/api/building-leads',
    tag: 'duty-desk',
    access: ['dispatcher', 'admin'],
    summary: '指定楼栋的楼长民警',
    body: assignBuildingLeadSchema,
    status: 204,
    response: z.undefined(),
    handler: ({ user, body }) => assignBuildingLead(app, user.id, body.buildingId, body.officerUserId),
  }),
  route({
    method: 'get',
    path: '/api/places/buildings/:id/qr.svg',
    tag: 'places',
    access: ['officer', 'dispatcher', 'admin'],
    summary: '楼栋二维码门牌（SVG，可打印）：居民扫码即可绑定该楼栋',
    params: z.object({ id: idSchema }),
    handler: async ({ params, user, ctx }) => {
      const building = await findBuilding(app.ds.manager, params.id)
      if (!building || !(await mayManageBuilding(app, user, building))) throw notFound('楼栋')
      const svg = await buildingQrSvg(app.ds.manager, building, app.config.publicBaseUrl ?? `${ctx.protocol}://${ctx.host}`)
      ctx.type = 'image/svg+xml'
      return svg
    },
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
        importBuildings(app.ds, () => placeCsvFileRecords(file), { scope }),
      )
      referenceDataChanged(app.ds)
      return result
    },
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
