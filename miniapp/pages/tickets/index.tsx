import { useRef, useState } from 'react'
import { View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { Loading } from '../../components/PageState'
import { Workbench } from '../../components/Workbench'
import { getSession, refreshMe, requireLogin, useSession } from '../../stores/session'
import MyTickets from './MyTickets'
import './index.scss'
import { applyUnreadBadge } from '../../services/unread'

const STAFF_ROLES = new Set(['officer', 'dispatcher', 'admin'])

/** 工单 tab: 我的工单 for residents, the workbench for staff. */
export default function TicketsPage() {
  const { user, me } = useSession()
  const [shown, setShown] = useState(0)
  const [workbenchKey, setWorkbenchKey] = useState(0)
  const staff = useRef(false)

  useDidShow(() => {
    if (!requireLogin()) return
    // Back from a ticket (rated, withdrawn…): the list reloads on every show.
    setShown((n) => n + 1)
    // WeChat draws a tab badge only while a tab page is on top: redraw it on every tab.
    applyUnreadBadge()
    if (!getSession().me) void refreshMe().catch(() => undefined)
  })

  // 我的工单 handles its own pull; the workbench is loaded afresh, showing its own loading state.
  usePullDownRefresh(() => {
    if (!staff.current) return
    setWorkbenchKey((n) => n + 1)
    void Promise.resolve(Taro.stopPullDownRefresh()).catch(() => undefined)
  })

  const role = me?.user.role ?? user?.role
  staff.current = role !== undefined && STAFF_ROLES.has(role)
  if (!role || shown === 0) {
    return (
      <View className="page">
        <Loading />
      </View>
    )
  }
  return (
    <View className="page tickets">
      {staff.current ? <Workbench key={workbenchKey} /> : <MyTickets refreshKey={shown} canReport={role === 'resident'} />}
    </View>
  )
}
