import { Text, View } from '@tarojs/components'
import RoleTabPage from '../../components/RoleTabPage'
import { refreshUnread } from '../../services/unread'
import ResidentMessages from './ResidentMessages'
import StaffMessages from './StaffMessages'
import './index.scss'

// Every show reloads: back from a conversation, its unread count is gone.
const reloadUnread = () => void refreshUnread().catch(() => undefined)

/** 消息 tab: residents talk to their officer and read notices; staff answer and post. */
export default function MessagesPage() {
  return (
    <RoleTabPage className="messages" onShow={reloadUnread}>
      {(view, shown) => {
        if (view === 'resident') return <ResidentMessages refreshKey={shown} />
        if (view === 'officer' || view === 'desk') return <StaffMessages isDesk={view === 'desk'} refreshKey={shown} />
        return (
          <View className="card">
            <Text className="msg-start__text">居民留言由楼长民警和值班台答复。</Text>
          </View>
        )
      }}
    </RoleTabPage>
  )
}
