import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import NoticeCard from '../../components/NoticeCard'
import { MESSAGES_TAB_PAGE } from '../../services/messages'
import { fetchNotices } from '../../services/notices'
import { useRemote } from '../../utils/use-remote'

const openMessages = () => void Taro.switchTab({ url: MESSAGES_TAB_PAGE })

/** The newest notice the resident has not read (a fraud warning must not wait in a tab); nothing otherwise. */
export default function NoticeTeaser({ refreshKey }: { refreshKey: number }) {
  const notices = useRemote(() => fetchNotices({ limit: 10 }), refreshKey)
  const newest = notices.data?.items.find((n) => !n.read)
  if (!newest) return null
  return (
    <View className="home__notice">
      <NoticeCard notice={newest} viewer="resident" compact onOpen={openMessages} />
      <View className="home__my-tickets home__notice-more" onClick={openMessages}>
        <Text>查看全部社区通知</Text>
        <Text className="home__my-tickets-arrow">›</Text>
      </View>
    </View>
  )
}
