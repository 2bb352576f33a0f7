import type { TicketAction } from '@anju/shared'
import { newClientKey } from '../../utils/client-key'

/** The actions staff take from the panel; report_in lives with each whistle below it. */
export const PANEL_ACTIONS = [
  'accept',
  'start',
  'resolve',
  'reject',
  'assign',
  'transfer',
  'escalate',
  'note',
  'follow_up',
  'whistle',
] as const
export type PanelAction = (typeof PANEL_ACTIONS)[number] & TicketAction

/** Everything a panel form may collect; each action reads the fields it needs. */
export interface Draft {
  /** Made when the form opens and sent with every try of it: a retry never acts twice. */
  clientKey: string
  text: string
  visibility: 'public' | 'internal'
  officerUserId?: number
  departmentId?: number
  outcome?: 'reached' | 'unreachable'
  photoIds: number[]
}

export const emptyDraft = (): Draft => ({ clientKey: newClientKey(), text: '', visibility: 'internal', photoIds: [] })

export interface FormSpec {
  textLabel: string
  placeholder: string
  /** Which chooser the form shows above the text. */
  choose?: 'officer' | 'department' | 'outcome'
  photos?: boolean
  visibility?: boolean
  confirm: string
}

export const FORMS: Record<PanelAction, FormSpec> = {
  accept: { textLabel: '受理说明（可不填）', placeholder: '如：已电话联系居民，今天下午到现场', confirm: '确认受理' },
  start: { textLabel: '备注（可不填）', placeholder: '如：已到现场查看', confirm: '开始处理' },
  resolve: { textLabel: '办理结果', placeholder: '写清楚怎么处理的、处理到什么程度，居民会看到', photos: true, confirm: '确认办结' },
  reject: { textLabel: '不予受理的原因', placeholder: '居民会看到这段话，请写清原因和可以找谁办理', confirm: '确认不予受理' },
  assign: { textLabel: '派发说明（可不填）', placeholder: '给接手民警的话', choose: 'officer', confirm: '确认派发' },
  transfer: { textLabel: '流转原因', placeholder: '如：不在我负责的楼栋，转给楼长民警', choose: 'officer', confirm: '确认流转' },
  escalate: { textLabel: '升级原因', placeholder: '如：需要街道协调多个部门', confirm: '确认升级' },
  note: { textLabel: '备注内容', placeholder: '办理过程中的情况', visibility: true, photos: true, confirm: '保存备注' },
  follow_up: { textLabel: '回访情况（可不填）', placeholder: '如：居民表示问题已解决', choose: 'outcome', confirm: '保存回访' },
  whistle: { textLabel: '需要部门做什么（可不填）', placeholder: '如：请燃气公司到场检修管道', choose: 'department', confirm: '吹哨' },
}

/** When zod's own words are English (a missing choice), these say what to do. */
export const FIELD_MESSAGES = {
  officerUserId: '请选择民警',
  departmentId: '请选择要吹哨的部门',
  outcome: '请选择回访结果',
  result: '请填写办理结果',
  reason: '请填写原因',
  text: '请填写内容',
  note: '最多 500 字',
  photoIds: '照片有误，请删除后重新添加',
  whistleId: '吹哨记录有误，请刷新',
  response: '最多 500 字',
}

/** The body of POST /api/tickets/:id/actions for a draft, before the schema checks it. */
export function draftToInput(action: PanelAction, d: Draft): Record<string, unknown> {
  return { ...fieldsOf(action, d), clientKey: d.clientKey }
}

function fieldsOf(action: PanelAction, d: Draft): Record<string, unknown> {
  const optional = d.text.trim() ? d.text : undefined
  switch (action) {
    case 'accept':
    case 'start':
      return { action, note: optional }
    case 'resolve':
      return { action, result: d.text, photoIds: d.photoIds }
    case 'reject':
    case 'escalate':
      return { action, reason: d.text }
    case 'assign':
      return { action, officerUserId: d.officerUserId, note: optional }
    case 'transfer':
      return { action, officerUserId: d.officerUserId, reason: d.text }
    case 'note':
      return { action, text: d.text, visibility: d.visibility, photoIds: d.photoIds }
    case 'follow_up':
      return { action, outcome: d.outcome, note: optional }
    case 'whistle':
      return { action, departmentId: d.departmentId, note: optional }
  }
}
