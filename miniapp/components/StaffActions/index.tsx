import type { TicketDetail } from '@anju/shared'

export interface StaffActionsProps {
  ticket: TicketDetail
  /** Called with the ticket as the server returns it after an action. */
  onChanged: (ticket: TicketDetail) => void
}

/** The staff's action panel on the ticket detail page (受理、办结、流转、升级、吹哨…). */
export function StaffActions(_props: StaffActionsProps) {
  return null
}
