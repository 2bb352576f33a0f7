import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { TicketSummary } from '@anju/shared'
import { ticketDeadline } from '../../utils/deadline'
import TicketStatus from '../TicketStatus'

export function openTicket(id: number): void {
  void Taro.navigateTo({ url: `/pages/ticket/index?id=${id}` })
}

/** One ticket in the workbench: what, where, who, and how long is left. */
export default function TicketCard({ ticket, now }: { ticket: TicketSummary; now: number }) {
  const deadline = ticketDeadline(ticket, now)
  return (
    <View className={`card wb-card wb-card--${ticket.sla}`} onClick={() => openTicket(ticket.id)}>
      <View className="row">
        <Text className="wb-card__number">{ticket.number}</Text>
        <TicketStatus status={ticket.status} text={ticket.statusText} />
      </View>
      <View className="wb-card__tags">
        {ticket.urgent && <Text className="urgent-tag">紧急</Text>}
        <Text className="tag">{ticket.categoryName}</Text>
      </View>
      <Text className="wb-card__title">{ticket.title}</Text>
      <Text className="wb-card__line">地点：{ticket.placeName}</Text>
      <Text className="wb-card__line">承办：{ticket.handler ? ticket.handler.name : '未派发（值班台）'}</Text>
      {deadline && (
        <Text className={`wb-card__deadline wb-card__deadline--${deadline.tone}`}>
          {deadline.label}：{deadline.text}
        </Text>
      )}
    </View>
  )
}
