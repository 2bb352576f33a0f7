import { useState, type ReactNode } from 'react'
import { View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import type { Role } from '@anju/shared'
import { Loading } from '../PageState'
import { applyUnreadBadge } from '../../services/unread'
import { getSession, refreshMe, requireLogin, useSession } from '../../stores/session'

/** Which view of a tab a role sees; the duty desk (值班台) is dispatchers and admins. */
export type TabView = 'resident' | 'volunteer' | 'officer' | 'desk'

const VIEW_OF_ROLE: Record<Role, TabView> = {
  resident: 'resident',
  volunteer: 'volunteer',
  officer: 'officer',
  dispatcher: 'desk',
  admin: 'desk',
}

interface Props {
  /** The page's own class, next to `page`. */
  className: string
  /** Runs on every show of a logged-in user, after the tab badge is redrawn. */
  onShow?: () => void
  /** The view for this user; `shown` counts the page's shows, so lists reload on each. */
  children: (view: TabView, shown: number) => ReactNode
}

/**
 * The shell of a tab page whose content depends on the role (工单, 消息): login first, then on
 * every show the tab badge and the role (/api/me, once), and a loading state until both the
 * role and the first show are there.
 */
export default function RoleTabPage({ className, onShow, children }: Props) {
  const { user, me } = useSession()
  const [shown, setShown] = useState(0)

  useDidShow(() => {
    if (!requireLogin()) return
    setShown((n) => n + 1)
    // WeChat draws a tab badge only while a tab page is on top: redraw it on every tab.
    applyUnreadBadge()
    onShow?.()
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
  return <View className={`page ${className}`}>{children(VIEW_OF_ROLE[role], shown)}</View>
}
