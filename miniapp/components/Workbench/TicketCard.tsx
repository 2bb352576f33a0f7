import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { TicketSummary } from '@anju/shared'
import { ticketDeadline } from '../../utils/deadline'

const STATUS_TONE: Record<TicketSummary['status'], string> = {
  submitted: 'new',
  accepted: 'active',
  in_progress: 'active',
  resolved: 'done',
  closed: 'done',
  rejected: 'final',
  withdrawn: 'final',
}

export function openTicket(id: number): void {
  void Taro.navigateTo({ url: `/pages/ticket/index?id=${id}` })
}

/** One ticket in the workbench: what, where, who, and how long is left. */
export default function TicketCard({ ticket, now }: { ticket: TicketSummary; now: number }) {
  const deadline = ticketDeadline(ticket, now)
  return (
    <View className={`card wb-card wb-card--${ticket.sla}`} onClick={() => openTicket(ticket.id)}>
      <View className='row'>
        <Text className='wb-card__number'>{ticket.number}</Text>
        <Text className={`wb-status wb-status--${STATUS_TONE[ticket.status]}`}>{ticket.statusText}</Text>
      </View>
      <View className='wb-card__tags'>
        {ticket.urgent && <Text className='wb-urgent'>紧急</Text>}
        <Text className='tag'>{ticket.categoryName}</Text>
      </View>
      <Text className='wb-card__title'>{ticket.title}</Text>
      <Text className='wb-card__line'>地点：{ticket.placeName}</Text>
      <Text className='wb-card__line'>承办：{ticket.handler ? ticket.handler.name : '未派发（值班台）'}</Text>
      {deadline && (
        <Text className={`wb-card__deadline wb-card__deadline--${deadline.tone}`}>
          {deadline.label}：{deadline.text}
        </Text>
      )}
    </View>
  )
}
