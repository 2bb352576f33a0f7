import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { OPEN_STATUSES, RATING_LABELS, TICKET_KIND_LABELS, type TicketDetail } from '@anju/shared'
import TicketStatus from '../../components/TicketStatus'
import { resolveAssetUrl } from '../../utils/asset-url'
import { callPhone } from '../../utils/phone'
import { formatBeijingDateTime } from '../../utils/time'

function Line({ label, children }: { label: string; children: string }) {
  return (
    <View className="ticket-line">
      <Text className="ticket-line__label">{label}</Text>
      <Text className="ticket-line__value">{children}</Text>
    </View>
  )
}

/** Who has the ticket: the handling officer, else the duty desk that covers it. */
export function handlerText(ticket: TicketDetail): string {
  return ticket.handler ? `楼长民警 ${ticket.handler.name}` : (ticket.deskName ?? '值班台')
}

/** The ticket itself: what, where, who has it, by when, and how it ended. */
export default function TicketInfo({ ticket }: { ticket: TicketDetail }) {
  const urls = ticket.photos.map((p) => resolveAssetUrl(p.url))
  const open = OPEN_STATUSES.includes(ticket.status)
  const reporter = ticket.reporter
  return (
    <View className="card">
      <View className="row">
        <Text className="ticket-number">{ticket.number}</Text>
        <TicketStatus status={ticket.status} text={ticket.statusText} />
      </View>
      <View className="ticket-tags">
        {ticket.urgent && <Text className="urgent-tag">紧急</Text>}
        <Text className="tag">{TICKET_KIND_LABELS[ticket.kind]}</Text>
        <Text className="tag">{ticket.categoryName}</Text>
        {ticket.anonymous && <Text className="tag">匿名反映</Text>}
      </View>
      <Text className="ticket-description">{ticket.description}</Text>
      {urls.length > 0 && (
        <View className="ticket-photos">
          {urls.map((url) => (
            <Image
              key={url}
              className="ticket-photo"
              src={url}
              mode="aspectFill"
              onClick={() => void Promise.resolve(Taro.previewImage({ current: url, urls })).catch(() => undefined)}
            />
          ))}
        </View>
      )}
      <Line label="位置">{ticket.locationText}</Line>
      <Line label="提交时间">{formatBeijingDateTime(ticket.createdAt)}</Line>
      <Line label="承办">{handlerText(ticket)}</Line>
      {ticket.status === 'submitted' && <Line label="预计受理">{`${formatBeijingDateTime(ticket.acceptDueAt)} 前`}</Line>}
      {open && <Line label="预计办结">{`${formatBeijingDateTime(ticket.resolveDueAt)} 前`}</Line>}
      {ticket.resolvedAt && <Line label="办结时间">{formatBeijingDateTime(ticket.resolvedAt)}</Line>}
      {reporter && (
        <View className="ticket-line" onClick={() => reporter.phone && callPhone(reporter.phone)}>
          <Text className="ticket-line__label">反映人</Text>
          <Text className="ticket-line__value">
            {reporter.name}
            {reporter.phone ? ` ${reporter.phone}（点击拨打）` : ''}
          </Text>
        </View>
      )}
      {ticket.resolution && (
        <View className="ticket-result">
          <Text className="ticket-result__label">办理结果</Text>
          <Text className="ticket-result__text">{ticket.resolution}</Text>
        </View>
      )}
      {ticket.rejectReason && (
        <View className="ticket-result ticket-result--rejected">
          <Text className="ticket-result__label">不予受理的原因</Text>
          <Text className="ticket-result__text">{ticket.rejectReason}</Text>
        </View>
      )}
      {ticket.rating && (
        <View className="ticket-result">
          <Text className="ticket-result__label">评价：{RATING_LABELS[ticket.rating]}</Text>
          {ticket.ratingComment && <Text className="ticket-result__text">{ticket.ratingComment}</Text>}
        </View>
      )}
    </View>
  )
}
