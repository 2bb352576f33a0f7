import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useLoad, useRouter } from '@tarojs/taro'
import type { TicketDetail } from '@anju/shared'
import { LoadError, Loading } from '../../components/PageState'
import { StaffActions } from '../../components/StaffActions'
import Timeline from '../../components/Timeline'
import { messageOf } from '../../services/request'
import { fetchTicket } from '../../services/tickets'
import { requireLogin, useSession } from '../../stores/session'
import ResidentActions from './ResidentActions'
import TicketInfo from './TicketInfo'
import './index.scss'

const STAFF_ROLES = new Set(['officer', 'dispatcher', 'admin'])

/** 工单详情 (?id=): the ticket, its timeline, and what the viewer may do now. */
export default function TicketPage() {
  const router = useRouter()
  const id = Number(router.params.id)
  const { user } = useSession()
  const [ticket, setTicket] = useState<TicketDetail | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)

  async function load() {
    if (!requireLogin()) return
    if (!Number.isInteger(id) || id <= 0) {
      setError('工单编号不正确')
      return
    }
    setError(null)
    try {
      setTicket(await fetchTicket(id))
    } catch (err) {
      setError(messageOf(err))
    }
  }

  useLoad(() => {
    void load()
  })

  function changed(next: TicketDetail) {
    setNotice(null)
    setTicket(next)
  }

  if (!ticket) {
    return <View className="page">{error ? <LoadError message={error} onRetry={() => void load()} /> : <Loading />}</View>
  }
  const staff = user !== null && STAFF_ROLES.has(user.role)
  return (
    <View className="page ticket">
      {notice && <View className="error-box">{notice}</View>}
      <TicketInfo ticket={ticket} />
      {staff ? (
        <StaffActions ticket={ticket} onChanged={changed} />
      ) : (
        <ResidentActions
          ticket={ticket}
          onChanged={changed}
          onConflict={(message) => {
            setNotice(`${message}（已为您重新加载）`)
            void load()
          }}
        />
      )}
      <View className="card">
        <Text className="section-title">办理进度</Text>
        <Timeline events={ticket.timeline} />
      </View>
    </View>
  )
}
