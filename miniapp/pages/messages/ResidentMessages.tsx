import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import ConversationList from '../../components/ConversationList'
import LeaveMessageButton from '../../components/LeaveMessageButton'
import { LoadError, Loading } from '../../components/PageState'
import { chatPageUrl, fetchInbox } from '../../services/messages'
import { useRemote } from '../../utils/use-remote'
import NoticeList from './NoticeList'
import { useLiveRefresh } from './use-live-refresh'

const openChat = (id: number) => void Taro.navigateTo({ url: chatPageUrl(id) })

/** 我的楼长民警: the resident's conversation, or the button that starts it. */
function MyConversation({ refreshKey }: { refreshKey: number }) {
  const live = useLiveRefresh((frame) => frame.type === 'message' || frame.type === 'conversation')
  const inbox = useRemote(() => fetchInbox({ filter: 'all', limit: 5 }), refreshKey + live)
  if (inbox.error) return <LoadError message={inbox.error} onRetry={inbox.reload} />
  if (!inbox.data) return <Loading />
  if (inbox.data.items.length > 0) return <ConversationList items={inbox.data.items} viewer="resident" onOpen={openChat} />
  return (
    <View className="card msg-start">
      <Text className="msg-start__text">有事可以直接给负责您这栋楼的民警留言。民警不在岗时，由值班台民警代为回复。</Text>
      <LeaveMessageButton label="给楼长民警留言" />
    </View>
  )
}

/** 消息 for residents: the conversation with their officer, then the community notices. */
export default function ResidentMessages({ refreshKey }: { refreshKey: number }) {
  return (
    <View>
      <Text className="section-title">我的楼长民警</Text>
      <MyConversation refreshKey={refreshKey} />
      <Text className="section-title msg-section">社区通知</Text>
      <NoticeList viewer="resident" refreshKey={refreshKey} />
    </View>
  )
}
