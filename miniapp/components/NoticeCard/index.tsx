import { Text, View } from '@tarojs/components'
import { NOTICE_KIND_LABELS, type Notice } from '@anju/shared'
import { chatTime } from '../ChatBubble/time'
import './index.scss'

interface Props {
  notice: Notice
  /** Residents see an unread dot; the author sees how many households have read it. */
  viewer: 'resident' | 'author'
  /** Compact: the title and the first lines only (the home page). */
  compact?: boolean
  onOpen?: (notice: Notice) => void
}

/** "已读 12 / 36 户 · 发布到 3 栋楼" */
export function reachText(reach: NonNullable<Notice['reach']>): string {
  return `已读 ${reach.read} / ${reach.residents} 户 · 发布到 ${reach.buildings} 栋楼`
}

/** One community notice (社区通知) from the building-lead officer or the duty desk. */
export default function NoticeCard({ notice, viewer, compact, onOpen }: Props) {
  const unread = viewer === 'resident' && !notice.read
  return (
    <View className={`card notice-card ${unread ? 'notice-card--unread' : ''}`} onClick={() => onOpen?.(notice)}>
      <View className="notice-card__top">
        <Text className={`notice-card__kind notice-card__kind--${notice.kind}`}>{NOTICE_KIND_LABELS[notice.kind]}</Text>
        {unread && (
          <View className="notice-card__unread">
            <View className="notice-card__dot" />
            <Text>未读</Text>
          </View>
        )}
      </View>
      <Text className="notice-card__title">{notice.title}</Text>
      <Text className={`notice-card__body ${compact ? 'notice-card__body--compact' : ''}`}>{notice.body}</Text>
      <Text className="notice-card__meta">
        {notice.author.name} · {chatTime(notice.createdAt)}
      </Text>
      {viewer === 'author' && notice.reach && <Text className="notice-card__reach">{reachText(notice.reach)}</Text>}
    </View>
  )
}
