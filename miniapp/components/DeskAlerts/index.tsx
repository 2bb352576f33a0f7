import { useEffect, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { DESK_ALERT_LABELS, type DeskAlert } from '@anju/shared'
import { messageOf } from '../../services/request'
import { acknowledgeDeskAlert, listDeskAlerts } from '../../services/workbench'
import { formatBeijingDateTime } from '../../utils/time'
import { useRemote } from '../../utils/use-remote'
import './index.scss'

const URGENT_KINDS = new Set<DeskAlert['kind']>(['urgent', 'sla_breach', 'dissatisfied'])

/** 值班提醒: what needs the duty desk now (urgent, overdue, escalated, 不满意…), until 知道了. */
export default function DeskAlerts({ refreshKey }: { refreshKey: number }) {
  const remote = useRemote(listDeskAlerts, refreshKey)
  const [items, setItems] = useState<DeskAlert[]>([])
  const [total, setTotal] = useState(0)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    if (!remote.data) return
    setItems(remote.data.items)
    setTotal(remote.data.unacknowledged)
  }, [remote.data])

  async function acknowledge(alert: DeskAlert) {
    setError(null)
    try {
      await acknowledgeDeskAlert(alert.id)
      setItems((list) => list.filter((a) => a.id !== alert.id))
      setTotal((n) => Math.max(0, n - 1))
    } catch (err) {
      setError(messageOf(err))
    }
  }

  return (
    <View className="card desk-alerts">
      <Text className="section-title">值班提醒{total > 0 ? `（${total} 条未处理）` : ''}</Text>
      {remote.error && <Text className="field__error">{remote.error}</Text>}
      {error && <View className="error-box">{error}</View>}
      {remote.data && items.length === 0 && <Text className="text-soft">暂无新提醒。</Text>}
      {items.map((alert) => (
        <View
          key={alert.id}
          className="desk-alerts__item"
          onClick={() => void Taro.navigateTo({ url: `/pages/ticket/index?id=${alert.ticket.id}` })}
        >
          <View className="list-row__main">
            <View className="desk-alerts__head">
              <Text className={`desk-alerts__kind ${URGENT_KINDS.has(alert.kind) ? 'desk-alerts__kind--red' : ''}`}>
                {DESK_ALERT_LABELS[alert.kind]}
              </Text>
              <Text className="desk-alerts__number">{alert.ticket.number}</Text>
            </View>
            <Text className="desk-alerts__title">{alert.ticket.title}</Text>
            <Text className="desk-alerts__sub">
              {alert.ticket.placeName} · {formatBeijingDateTime(alert.createdAt)}
            </Text>
          </View>
          <Button
            className="btn btn--small desk-alerts__ack"
            onClick={(e) => {
              e.stopPropagation()
              void acknowledge(alert)
            }}
          >
            知道了
          </Button>
        </View>
      ))}
      {total > items.length && <Text className="text-soft">另有 {total - items.length} 条较早的提醒，处理完上面的再刷新即可看到。</Text>}
    </View>
  )
}
