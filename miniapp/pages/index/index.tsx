import { useRef, useState } from 'react'
import { View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { LoadError, Loading } from '../../components/PageState'
import { rememberBuildingFromQuery, takePendingBuilding } from '../../services/pending-building'
import { messageOf } from '../../services/request'
import { applyUnreadBadge } from '../../services/unread'
import { refreshMe, requireLogin, useSession } from '../../stores/session'
import DeskHome from './DeskHome'
import OfficerHome from './OfficerHome'
import ResidentHome from './ResidentHome'
import VolunteerHome from './VolunteerHome'
import './index.scss'

/** 首页: what the signed-in person needs first, by role. */
export default function IndexPage() {
  const router = useRouter()
  const { me } = useSession()
  const [error, setError] = useState<string | null>(null)
  const [shownCount, setShownCount] = useState(0)
  const paramsRead = useRef(false)

  async function enter() {
    // A QR link (/?building=CODE) is read once: coming back to this page must not reopen it.
    if (!paramsRead.current) {
      paramsRead.current = true
      rememberBuildingFromQuery(router.params)
    }
    if (!requireLogin()) return
    setError(null)
    try {
      const current = await refreshMe()
      const pending = takePendingBuilding()
      if (pending && current.user.role === 'resident') {
        await Taro.navigateTo({ url: `/pages/bind/index?building=${encodeURIComponent(pending)}` })
        return
      }
      setShownCount((n) => n + 1)
    } catch (err) {
      setError(messageOf(err))
    }
  }

  useDidShow(() => {
    // WeChat draws a tab badge only while a tab page is on top: draw the 消息 count again here.
    applyUnreadBadge()
    void enter()
  })

  if (error && !me) {
    return (
      <View className="page">
        <LoadError message={error} onRetry={() => void enter()} />
      </View>
    )
  }
  // The role's panel mounts after this page's own /api/me, so each show loads it once.
  if (!me || shownCount === 0) {
    return (
      <View className="page">
        <Loading />
      </View>
    )
  }

  const role = me.user.role
  return (
    <View className="page home">
      {role === 'resident' && <ResidentHome me={me} refreshKey={shownCount} />}
      {role === 'officer' && <OfficerHome refreshKey={shownCount} />}
      {(role === 'dispatcher' || role === 'admin') && <DeskHome me={me} refreshKey={shownCount} />}
      {role === 'volunteer' && <VolunteerHome me={me} />}
    </View>
  )
}
