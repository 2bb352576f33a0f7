import { Text, View } from '@tarojs/components'
import type { ConversationSummary } from '@anju/shared'
import { listTime } from '../ChatBubble/time'
import './index.scss'

interface Props {
  items: ConversationSummary[]
  /** Residents see who answers them; staff see who wrote and from which building. */
  viewer: 'resident' | 'staff'
  onOpen: (id: number) => void
}

const STAFF_SIDES = new Set(['officer', 'desk'])

function title(c: ConversationSummary, viewer: Props['viewer']): string {
  if (viewer === 'staff') return c.resident.name
  return c.officer ? `楼长民警 ${c.officer.name}` : '值班台'
}

/** "我：" before the viewer's own last message, so a glance says whose turn it is. */
function preview(c: ConversationSummary, viewer: Props['viewer']): string {
  const last = c.lastMessage
  if (!last) return '还没有消息'
  const mine = viewer === 'resident' ? last.side === 'resident' : STAFF_SIDES.has(last.side)
  return mine ? `我：${last.preview}` : last.preview
}

function Row({ c, viewer, onOpen }: { c: ConversationSummary; viewer: Props['viewer']; onOpen: Props['onOpen'] }) {
  return (
    <View className="conv-row" onClick={() => onOpen(c.id)}>
      <View className="conv-row__main">
        <View className="conv-row__top">
          <Text className="conv-row__title">{title(c, viewer)}</Text>
          {c.lastMessage && <Text className="conv-row__time">{listTime(c.lastMessage.at)}</Text>}
        </View>
        <Text className="conv-row__building">
          {c.building.community} {c.building.name}
        </Text>
        <Text className="conv-row__preview">{preview(c, viewer)}</Text>
        <View className="conv-row__tags">
          {c.deskCover && <Text className="conv-tag conv-tag--desk">值班代回</Text>}
          {viewer === 'staff' && c.handled && <Text className="conv-tag conv-tag--handled">已处理</Text>}
          {viewer === 'staff' && !c.handled && c.awaitingSince && <Text className="conv-tag conv-tag--waiting">待回复</Text>}
        </View>
      </View>
      {c.unread > 0 && (
        <View className="conv-row__unread" aria-label={`${c.unread} 条未读`}>
          <Text>{c.unread > 99 ? '99+' : c.unread}</Text>
        </View>
      )}
    </View>
  )
}

/** Conversations by latest activity, each with its unread count and state. */
export default function ConversationList({ items, viewer, onOpen }: Props) {
  return (
    <View className="card conv-list">
      {items.map((c) => (
        <Row key={c.id} c={c} viewer={viewer} onOpen={onOpen} />
      ))}
    </View>
  )
}
