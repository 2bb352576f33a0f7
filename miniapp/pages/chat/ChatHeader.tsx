import { Text, View } from '@tarojs/components'
import type { ConversationDetail } from '@anju/shared'
import BusyButton from '../../components/BusyButton'
import { useRealtimeStatus } from '../../services/realtime'

/** "傅民警不在岗，幸福路街道值班台 代为回复": who answers now, when it is not the officer. */
export function deskCoverText(detail: Pick<ConversationDetail, 'deskCover' | 'officer'>): string | null {
  const cover = detail.deskCover
  if (!cover) return null
  const officer = detail.officer ? `${detail.officer.name.slice(0, 1)}民警` : '民警'
  if (cover.reason === 'off_duty') return `${officer}不在岗，${cover.deskName} 代为回复`
  if (cover.reason === 'no_reply') return `${officer}暂未回复，${cover.deskName} 已接手`
  return `本楼暂无楼长民警，由 ${cover.deskName} 回复`
}

interface Props {
  detail: ConversationDetail
  staff: boolean
  handling: boolean
  onToggleHandled: () => void
}

function ResidentView({ detail }: { detail: ConversationDetail }) {
  const officer = detail.officerCard
  return (
    <View className="chat-head__who">
      <Text className="chat-head__name">{officer ? `楼长民警 ${officer.name}` : (detail.dutyDesk?.name ?? '值班台')}</Text>
      {officer && <Text className={`badge ${officer.status === 'on_duty' ? 'badge--on' : 'badge--off'}`}>{officer.statusText}</Text>}
    </View>
  )
}

function StaffView({ detail, handling, onToggleHandled }: Omit<Props, 'staff'>) {
  return (
    <View className="chat-head__staff">
      <View className="chat-head__who chat-head__who--column">
        <Text className="chat-head__name">{detail.resident.name}</Text>
        <Text className="chat-head__sub">
          {detail.building.community} {detail.building.name}
        </Text>
      </View>
      <BusyButton
        className={`btn btn--small chat-head__handled ${detail.handled ? 'chat-head__handled--on' : ''}`}
        busy={handling}
        onClick={onToggleHandled}
      >
        {detail.handled ? '已处理 ✓' : '标记已处理'}
      </BusyButton>
    </View>
  )
}

/** Who the conversation is with, who answers now, and whether messages come live. */
export default function ChatHeader({ detail, staff, handling, onToggleHandled }: Props) {
  const status = useRealtimeStatus()
  const cover = deskCoverText(detail)
  return (
    <View className="chat-head">
      {staff ? <StaffView detail={detail} handling={handling} onToggleHandled={onToggleHandled} /> : <ResidentView detail={detail} />}
      {cover && <Text className="chat-head__cover">{cover}</Text>}
      {status === 'polling' && <Text className="chat-head__net">网络不稳定，新消息可能稍有延迟</Text>}
    </View>
  )
}
