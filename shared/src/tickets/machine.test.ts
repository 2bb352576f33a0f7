import {
  allowedActions,
  nextStatus,
  TICKET_ACTIONS,
  TICKET_ACTORS,
  TICKET_STATUSES,
  type TicketAction,
  type TicketActor,
  type TicketStatus,
} from './machine'

/**
 * The whole machine written out once more, by hand: every (status, action, actor) that is allowed
 * and where it leads. Every other combination of the 7 × 16 × 5 must be refused.
 */
const OPEN: TicketStatus[] = ['submitted', 'accepted', 'in_progress']
const ALLOWED: Array<[TicketStatus[], TicketAction, TicketActor[], TicketStatus | 'same']> = [
  [['submitted'], 'accept', ['handler', 'desk'], 'accepted'],
  [['accepted'], 'start', ['handler', 'desk'], 'in_progress'],
  [['accepted', 'in_progress'], 'resolve', ['handler', 'desk'], 'resolved'],
  [['submitted'], 'reject', ['handler', 'desk'], 'rejected'],
  [['submitted'], 'withdraw', ['reporter'], 'withdrawn'],
  [['resolved'], 'reopen', ['reporter'], 'in_progress'],
  [['resolved'], 'rate', ['reporter'], 'closed'],
  [['resolved'], 'auto_close', ['system'], 'closed'],
  [OPEN, 'assign', ['desk'], 'same'],
  [OPEN, 'transfer', ['handler', 'desk'], 'same'],
  [OPEN, 'escalate', ['handler', 'desk', 'system'], 'same'],
  [[...TICKET_STATUSES], 'note', ['handler', 'officer', 'desk'], 'same'],
  [['resolved', 'closed'], 'follow_up', ['handler', 'desk'], 'same'],
  [OPEN, 'whistle', ['desk'], 'same'],
  [OPEN, 'report_in', ['desk'], 'same'],
  [OPEN, 'urge', ['reporter'], 'same'],
]

function expected(status: TicketStatus, action: TicketAction, actor: TicketActor): TicketStatus | null {
  const rule = ALLOWED.find(([from, a, by]) => a === action && from.includes(status) && by.includes(actor))
  if (!rule) return null
  return rule[3] === 'same' ? status : rule[3]
}

describe('the ticket state machine', () => {
  const cases = TICKET_STATUSES.flatMap((s) => TICKET_ACTIONS.flatMap((a) => TICKET_ACTORS.map((r) => [s, a, r] as const)))

  it('covers all 560 combinations of status, action and actor', () => {
    expect(cases).toHaveLength(7 * 16 * 5)
  })

  it('allows exactly the listed transitions, each to the listed status', () => {
    const wrong = cases
      .filter(([status, action, actor]) => nextStatus(status, action, actor) !== expected(status, action, actor))
      .map(
        ([status, action, actor]) =>
          `${status} · ${action} · ${actor}: got ${nextStatus(status, action, actor)}, want ${expected(status, action, actor)}`,
      )
    expect(wrong).toEqual([])
    expect(cases.filter(([s, a, r]) => expected(s, a, r) !== null).length).toBe(66)
  })

  it('never lets anyone act on a withdrawn or rejected ticket except staff notes', () => {
    for (const status of ['withdrawn', 'rejected'] as const) {
      expect(allowedActions(status, [...TICKET_ACTORS])).toEqual(['note'])
    }
  })

  it('shows a resident only the buttons for their own ticket', () => {
    expect(allowedActions('submitted', ['reporter'])).toEqual(['withdraw', 'urge'])
    expect(allowedActions('resolved', ['reporter'])).toEqual(['reopen', 'rate'])
    expect(allowedActions('closed', ['reporter'])).toEqual([])
  })
})
