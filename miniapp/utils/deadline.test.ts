import { describeMinutes, ticketDeadline } from './deadline'

const now = Date.parse('2025-11-25T06:00:00Z')
const at = (minutesFromNow: number) => new Date(now + minutesFromNow * 60_000).toISOString()

describe('ticket deadlines', () => {
  it('counts down to accepting a new ticket, then to resolving it', () => {
    const base = { acceptDueAt: at(125), resolveDueAt: at(3 * 1440 + 300), sla: 'ok' as const }
    expect(ticketDeadline({ ...base, status: 'submitted' }, now)).toEqual({ label: '受理时限', text: '还剩 2小时', tone: 'ok' })
    expect(ticketDeadline({ ...base, status: 'in_progress' }, now)).toEqual({ label: '办结时限', text: '还剩 3天5小时', tone: 'ok' })
    expect(ticketDeadline({ ...base, status: 'closed' }, now)).toBeNull()
  })

  it('says how late an overdue ticket is, and warns before that', () => {
    expect(ticketDeadline({ status: 'submitted', acceptDueAt: at(-185), resolveDueAt: at(100), sla: 'overdue' }, now)?.text).toBe(
      '已超时 3小时',
    )
    expect(ticketDeadline({ status: 'accepted', acceptDueAt: at(-5), resolveDueAt: at(20), sla: 'warning' }, now)).toEqual({
      label: '办结时限',
      text: '还剩 20分钟',
      tone: 'warning',
    })
  })

  it('describes a time limit as a person would', () => {
    expect(describeMinutes(30)).toBe('30分钟')
    expect(describeMinutes(120)).toBe('2小时')
    expect(describeMinutes(4320)).toBe('3天')
    expect(describeMinutes(null)).toBe('—')
  })
})
