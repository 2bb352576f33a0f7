import { Text } from '@tarojs/components'
import type { TicketStatus as Status } from '@anju/shared'
import './index.scss'

/** new: waiting for someone; active: being handled; done: resolved or closed; final: rejected or withdrawn. */
const TONE: Record<Status, 'new' | 'active' | 'done' | 'final'> = {
  submitted: 'new',
  accepted: 'active',
  in_progress: 'active',
  resolved: 'done',
  closed: 'done',
  rejected: 'final',
  withdrawn: 'final',
}

/** The status of a ticket in words, coloured by how far along it is. */
export default function TicketStatus({ status, text }: { status: Status; text: string }) {
  return <Text className={`ticket-status ticket-status--${TONE[status]}`}>{text}</Text>
}
