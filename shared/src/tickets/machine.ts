/**
 * The ticket state machine: which action moves a ticket from which status to which, and who may
 * take it. Server and mini-program both read it: the server refuses what it forbids (409), the app
 * shows only the buttons it allows.
 *
 *   submitted → accepted → in_progress → resolved → closed
 *   submitted → rejected (with a reason) · submitted → withdrawn (by the resident)
 *   resolved → in_progress (reopened by the resident within 7 days)
 *   resolved → closed (rated by the resident, or automatically 7 days after resolving)
 */
export const TICKET_STATUSES = ['submitted', 'accepted', 'in_progress', 'resolved', 'closed', 'rejected', 'withdrawn'] as const
export type TicketStatus = (typeof TICKET_STATUSES)[number]

export const TICKET_STATUS_LABELS: Record<TicketStatus, string> = {
  submitted: '待受理',
  accepted: '已受理',
  in_progress: '处理中',
  resolved: '已办结',
  closed: '已完结',
  rejected: '不予受理',
  withdrawn: '已撤回',
}

/** Statuses in which the ticket is still someone's work. */
export const OPEN_STATUSES: readonly TicketStatus[] = ['submitted', 'accepted', 'in_progress']
/** Statuses from which nothing more happens. */
export const FINAL_STATUSES: readonly TicketStatus[] = ['closed', 'rejected', 'withdrawn']

/**
 * Who acts on a ticket, relative to it:
 * - reporter: the resident who filed it;
 * - handler: the officer it is assigned to;
 * - officer: any other officer whose scope covers the ticket's place;
 * - desk: a dispatcher (duty desk) whose scope covers the ticket's place, or an admin;
 * - system: the SLA sweep and the auto-close job.
 */
export const TICKET_ACTORS = ['reporter', 'handler', 'officer', 'desk', 'system'] as const
export type TicketActor = (typeof TICKET_ACTORS)[number]

export const TICKET_ACTIONS = [
  'accept',
  'start',
  'resolve',
  'reject',
  'withdraw',
  'reopen',
  'rate',
  'auto_close',
  'assign',
  'transfer',
  'escalate',
  'note',
  'follow_up',
  'whistle',
  'report_in',
  'urge',
] as const
export type TicketAction = (typeof TICKET_ACTIONS)[number]

export const TICKET_ACTION_LABELS: Record<TicketAction, string> = {
  accept: '受理',
  start: '开始处理',
  resolve: '办结',
  reject: '不予受理',
  withdraw: '撤回',
  reopen: '重新办理',
  rate: '评价',
  auto_close: '自动完结',
  assign: '派发',
  transfer: '流转',
  escalate: '升级',
  note: '备注',
  follow_up: '回访',
  whistle: '吹哨',
  report_in: '部门报到',
  urge: '催办',
}

interface Rule {
  from: readonly TicketStatus[]
  /** null: the action records something but leaves the status as it is. */
  to: TicketStatus | null
  by: readonly TicketActor[]
}

const OPEN = OPEN_STATUSES
const STAFF: readonly TicketActor[] = ['handler', 'desk']

export const TICKET_RULES: Record<TicketAction, Rule> = {
  accept: { from: ['submitted'], to: 'accepted', by: STAFF },
  start: { from: ['accepted'], to: 'in_progress', by: STAFF },
  resolve: { from: ['accepted', 'in_progress'], to: 'resolved', by: STAFF },
  reject: { from: ['submitted'], to: 'rejected', by: STAFF },
  withdraw: { from: ['submitted'], to: 'withdrawn', by: ['reporter'] },
  reopen: { from: ['resolved'], to: 'in_progress', by: ['reporter'] },
  rate: { from: ['resolved'], to: 'closed', by: ['reporter'] },
  auto_close: { from: ['resolved'], to: 'closed', by: ['system'] },
  assign: { from: OPEN, to: null, by: ['desk'] },
  transfer: { from: OPEN, to: null, by: STAFF },
  escalate: { from: OPEN, to: null, by: ['handler', 'desk', 'system'] },
  note: { from: TICKET_STATUSES, to: null, by: ['handler', 'officer', 'desk'] },
  follow_up: { from: ['resolved', 'closed'], to: null, by: STAFF },
  whistle: { from: OPEN, to: null, by: ['desk'] },
  report_in: { from: OPEN, to: null, by: ['desk'] },
  urge: { from: ['submitted', 'accepted', 'in_progress'], to: null, by: ['reporter'] },
}

/** The status an action leads to, or null when the machine forbids it for this actor in this status. */
export function nextStatus(status: TicketStatus, action: TicketAction, actor: TicketActor): TicketStatus | null {
  const rule = TICKET_RULES[action]
  if (!rule.from.includes(status) || !rule.by.includes(actor)) return null
  return rule.to ?? status
}

export function canTake(status: TicketStatus, action: TicketAction, actors: readonly TicketActor[]): boolean {
  return actors.some((actor) => nextStatus(status, action, actor) !== null)
}

/** Every action these actors may take now; the app shows exactly these buttons. */
export function allowedActions(status: TicketStatus, actors: readonly TicketActor[]): TicketAction[] {
  return TICKET_ACTIONS.filter((action) => canTake(status, action, actors))
}

export const REOPEN_WINDOW_DAYS = 7
export const AUTO_CLOSE_AFTER_DAYS = 7
