import { z } from 'zod'
import {
  createTicketCategorySchema,
  createTicketSchema,
  deskAlertSchema,
  departmentSchema,
  idSchema,
  myTicketsPageSchema,
  myTicketsQuerySchema,
  reportKindSchema,
  statsQuerySchema,
  statsSchema,
  ticketActionInputSchema,
  ticketCategoryInputSchema,
  ticketCategorySchema,
  ticketDetailSchema,
  ticketReceiptSchema,
  workbenchPageSchema,
  workbenchQuerySchema,
} from '@anju/shared'
import type { AppContext } from '../../context'
import { route } from '../../lib/route'
import { takeTicketAction } from './actions'
import { acknowledgeDeskAlert, listDeskAlerts } from './alerts'
import { assigneesFor, listDepartments } from './assignees'
import { createCategory, listCategories, updateCategory } from './categories'
import { submitTicket } from './create'
import { getTicket, myTickets, workbench } from './queries'
import { statsCsv, ticketStats } from './stats'

const STAFF = ['officer', 'dispatcher', 'admin'] as const
const DESK = ['dispatcher', 'admin'] as const
const byId = z.object({ id: idSchema })

export const ticketRoutes = (app: AppContext) => [
  route({
    method: 'get',
    path: '/api/ticket-categories',
    tag: 'tickets',
    access: 'user',
    summary: '问题类别（含分派规则与办理时限）',
    query: z.object({ kind: reportKindSchema.optional(), all: z.enum(['0', '1']).optional() }),
    response: z.object({ items: z.array(ticketCategorySchema) }),
    handler: ({ user, query }) => listCategories(app, user, { kind: query.kind, all: query.all === '1' }),
  }),
  route({
    method: 'post',
    path: '/api/ticket-categories',
    tag: 'tickets',
    access: DESK,
    status: 201,
    summary: '新增问题类别（区级值班台）；同一 clientKey 重复提交返回同一分类',
    body: createTicketCategorySchema,
    response: ticketCategorySchema,
    handler: ({ user, body }) => createCategory(app, user, body),
  }),
  // Idempotent without a key: sets the category to what is sent.
  route({
    method: 'put',
    path: '/api/ticket-categories/:id',
    tag: 'tickets',
    access: DESK,
    summary: '修改问题类别、分派规则与办理时限（区级值班台）',
    params: byId,
    body: ticketCategoryInputSchema,
    response: ticketCategorySchema,
    handler: ({ user, params, body }) => updateCategory(app, user, params.id, body),
  }),
  route({
    method: 'post',
    path: '/api/tickets',
    tag: 'tickets',
    access: ['resident'],
    status: 201,
    summary: '上报隐患或矛盾纠纷；同一 clientKey 重复提交返回同一工单',
    body: createTicketSchema,
    response: ticketReceiptSchema,
    handler: ({ user, body }) => submitTicket(app, user, body),
  }),
  route({
    method: 'get',
    path: '/api/tickets/mine',
    tag: 'tickets',
    access: 'user',
    summary: '我的工单',
    query: myTicketsQuerySchema,
    response: myTicketsPageSchema,
    handler: ({ user, query }) => myTickets(app, user, query),
  }),
  route({
    method: 'get',
    path: '/api/tickets/:id',
    tag: 'tickets',
    access: 'user',
    summary: '工单详情与办理进度',
    params: byId,
    response: ticketDetailSchema,
    handler: ({ user, params }) => getTicket(app, user, params.id),
  }),
  route({
    method: 'post',
    path: '/api/tickets/:id/actions',
    tag: 'tickets',
    access: 'user',
    summary: '办理工单：受理、办结、流转、升级、吹哨、评价、重新办理…（状态机决定谁在何时可做）',
    params: byId,
    body: ticketActionInputSchema,
    response: ticketDetailSchema,
    handler: ({ user, params, body }) => takeTicketAction(app, user, params.id, body),
  }),
  route({
    method: 'get',
    path: '/api/tickets/:id/assignees',
    tag: 'tickets',
    access: STAFF,
    summary: '可派发、流转的民警',
    params: byId,
    response: z.object({
      items: z.array(
        z.object({
          userId: z.number().int(),
          name: z.string(),
          policeNumber: z.string(),
          onDuty: z.boolean(),
          buildings: z.number().int(),
        }),
      ),
    }),
    handler: ({ user, params }) => assigneesFor(app, user, params.id),
  }),
  route({
    method: 'get',
    path: '/api/departments',
    tag: 'tickets',
    access: STAFF,
    summary: '可吹哨的部门',
    response: z.object({ items: z.array(departmentSchema) }),
    handler: () => listDepartments(app),
  }),
  route({
    method: 'get',
    path: '/api/workbench',
    tag: 'tickets',
    access: STAFF,
    summary: '工作台：待受理 / 处理中 / 即将超时 / 已超时 / 已办结',
    query: workbenchQuerySchema,
    response: workbenchPageSchema,
    handler: ({ user, query }) => workbench(app, user, query),
  }),
  route({
    method: 'get',
    path: '/api/desk/alerts',
    tag: 'tickets',
    access: DESK,
    summary: '值班台提醒：紧急、超时、升级、不满意',
    response: z.object({ items: z.array(deskAlertSchema), unacknowledged: z.number().int() }),
    handler: ({ user }) => listDeskAlerts(app, user.id),
  }),
  // Idempotent without a key: acknowledging twice leaves it acknowledged.
  route({
    method: 'post',
    path: '/api/desk/alerts/:id/ack',
    tag: 'tickets',
    access: DESK,
    status: 204,
    summary: '知道了',
    params: byId,
    handler: ({ user, params }) => acknowledgeDeskAlert(app, user.id, params.id),
  }),
  route({
    method: 'get',
    path: '/api/stats',
    tag: 'tickets',
    access: STAFF,
    summary: '统计：受理量、受理与办结时长、按时办结率、满意率',
    query: statsQuerySchema,
    response: statsSchema,
    handler: ({ user, query }) => ticketStats(app, user, query),
  }),
  route({
    method: 'get',
    path: '/api/stats.csv',
    tag: 'tickets',
    access: STAFF,
    summary: '统计导出（CSV）',
    query: statsQuerySchema,
    handler: async ({ user, query, ctx }) => {
      const stats = await ticketStats(app, user, query)
      ctx.type = 'text/csv; charset=utf-8'
      ctx.attachment(`anju-stats-${stats.from}-${stats.to}.csv`)
      return statsCsv(stats)
    },
  }),
]
