import { useRef, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { MY_TICKET_TAB_LABELS, MY_TICKET_TABS, type TicketSummary } from '@anju/shared'
import BusyButton from '../../components/BusyButton'
import { LoadError, Loading } from '../../components/PageState'
import TicketStatus from '../../components/TicketStatus'
import { fetchMyTickets, reportPageUrl, ticketPageUrl, type MyTicketTab } from '../../services/tickets'
import { formatBeijingDateTime } from '../../utils/time'
import { PAGE_SIZE, usePagedList } from '../../utils/use-paged-list'

const EMPTY_TEXT: Record<MyTicketTab, string> = {
  open: '没有正在办理的工单',
  resolved: '没有等待您评价的工单',
  closed: '没有已完结的工单',
  all: '您还没有反映过问题',
}

/** One of my tickets. Deadlines are the staff's business: a resident sees the status only. */
function MyTicketCard({ ticket }: { ticket: TicketSummary }) {
  return (
    <View className="card my-ticket" onClick={() => void Taro.navigateTo({ url: ticketPageUrl(ticket.id) })}>
      <View className="row">
        <Text className="my-ticket__category">{ticket.categoryName}</Text>
        <TicketStatus status={ticket.status} text={ticket.statusText} />
      </View>
      <Text className="my-ticket__title">{ticket.title}</Text>
      <Text className="my-ticket__line">编号 {ticket.number}</Text>
      <Text className="my-ticket__line">提交于 {formatBeijingDateTime(ticket.createdAt)}</Text>
      {ticket.status === 'resolved' && <Text className="my-ticket__todo">已办结，请您评价 ›</Text>}
    </View>
  )
}

/** 我的工单: tabs, pull down to refresh, more as the resident scrolls. */
export default function MyTickets({ refreshKey, canReport }: { refreshKey: number; canReport: boolean }) {
  const [tab, setTab] = useState<MyTicketTab>('all')
  const [pulls, setPulls] = useState(0)
  const pulling = useRef(false)
  const list = usePagedList<TicketSummary, string>(
    (cursor) => fetchMyTickets({ tab, cursor, limit: PAGE_SIZE }),
    tab,
    refreshKey + pulls,
    () => {
      if (!pulling.current) return
      pulling.current = false
      void Promise.resolve(Taro.stopPullDownRefresh()).catch(() => undefined)
    },
  )

  usePullDownRefresh(() => {
    pulling.current = true
    setPulls((n) => n + 1)
  })
  useReachBottom(() => list.loadMore())

  return (
    <View>
      <View className="tab-strip my-tabs">
        {MY_TICKET_TABS.map((t) => (
          <View key={t} className={`tab-strip__item ${t === tab ? 'tab-strip__item--on' : ''}`} onClick={() => setTab(t)}>
            {MY_TICKET_TAB_LABELS[t]}
          </View>
        ))}
      </View>

      {list.loading && list.items.length === 0 ? (
        <Loading />
      ) : list.error ? (
        <LoadError message={list.error} onRetry={() => setPulls((n) => n + 1)} />
      ) : list.items.length === 0 ? (
        <View className="card my-empty">
          <Text className="my-empty__text">{EMPTY_TEXT[tab]}</Text>
          {canReport && (
            <Button className="btn btn--primary" onClick={() => void Taro.navigateTo({ url: reportPageUrl('hazard') })}>
              去上报
            </Button>
          )}
        </View>
      ) : (
        <View>
          {list.items.map((ticket) => (
            <MyTicketCard key={ticket.id} ticket={ticket} />
          ))}
          {list.moreError && <Text className="field__error">{list.moreError}</Text>}
          {list.hasMore ? (
            <BusyButton className="btn" busy={list.loadingMore} onClick={list.loadMore}>
              加载更多
            </BusyButton>
          ) : (
            <Text className="my-end">没有更多了</Text>
          )}
        </View>
      )}
    </View>
  )
}
