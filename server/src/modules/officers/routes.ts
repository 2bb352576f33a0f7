import { z } from 'zod'
import {
  assignBuildingLeadSchema,
  deskOverviewSchema,
  officerCardSchema,
  officerOverviewSchema,
  officerProfileUpdateSchema,
} from '@anju/shared'
import type { AppContext } from '../../context'
import { route } from '../../lib/route'
import { assignBuildingLead, deskOverview, officerOverview, updateOfficerProfile } from './service'

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
]
