import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { Loading } from '../../components/PageState'
import { applyUnreadBadge, refreshUnread } from '../../services/unread'
import { getSession, refreshMe, requireLogin, useSession } from '../../stores/session'
import ResidentMessages from './ResidentMessages'
import StaffMessages from './StaffMessages'
import './index.scss'

const STAFF_ROLES = new Set(['officer', 'dispatcher', 'admin'])

/** 消息 tab: residents talk to their officer and read notices; staff answer and post. */
export default function MessagesPage() {
  const { user, me } = useSession()
  const [shown, setShown] = useState(0)

  useDidShow(() => {
    if (!requireLogin()) return
    // Every show reloads: back from a conversation, its unread count is gone.
    setShown((n) => n + 1)
    applyUnreadBadge()
    void refreshUnread().catch(() => undefined)
    if (!getSession().me) void refreshMe().catch(() => undefined)
  })

  const role = me?.user.role ?? user?.role
  if (!role || shown === 0) {
    return (
      <View className="page">
        <Loading />
      </View>
    )
  }
  return (
    <View className="page messages">
      {role === 'resident' && <ResidentMessages refreshKey={shown} />}
      {STAFF_ROLES.has(role) && <StaffMessages isDesk={role !== 'officer'} refreshKey={shown} />}
      {role === 'volunteer' && (
        <View className="card">
          <Text className="msg-start__text">居民留言由楼长民警和值班台答复。</Text>
        </View>
      )}
    </View>
  )
}
