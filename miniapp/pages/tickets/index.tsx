import { useRef, useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import RoleTabPage from '../../components/RoleTabPage'
import { Workbench } from '../../components/Workbench'
import MyTickets from './MyTickets'
import './index.scss'

/** 工单 tab: 我的工单 for residents, the workbench for staff. */
export default function TicketsPage() {
  const [workbenchKey, setWorkbenchKey] = useState(0)
  const staff = useRef(false)

  // 我的工单 handles its own pull; the workbench is loaded afresh, showing its own loading state.
  usePullDownRefresh(() => {
    if (!staff.current) return
    setWorkbenchKey((n) => n + 1)
    void Promise.resolve(Taro.stopPullDownRefresh()).catch(() => undefined)
  })

  // 我的工单 reloads on every show (back from a ticket rated or withdrawn); the workbench reloads itself.
  return (
    <RoleTabPage className="tickets">
      {(view, shown) => {
        staff.current = view === 'officer' || view === 'desk'
        return staff.current ? <Workbench key={workbenchKey} /> : <MyTickets refreshKey={shown} canReport={view === 'resident'} />
      }}
    </RoleTabPage>
  )
}
