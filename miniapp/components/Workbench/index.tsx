import { useRef, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import { useDidShow, useReachBottom } from '@tarojs/taro'
import { WORKBENCH_TAB_LABELS, WORKBENCH_TABS, type TicketSummary, type WorkbenchPage } from '@anju/shared'
import { LoadError, Loading } from '../PageState'
import { fetchWorkbench, takeRequestedWorkbenchTab, type WorkbenchTab } from '../../services/workbench'
import { useSession } from '../../stores/session'
import { PAGE_SIZE, usePagedList } from '../../utils/use-paged-list'
import Filters, { type WorkbenchFilters } from './Filters'
import TicketCard from './TicketCard'
import './index.scss'

const COUNTED: Partial<Record<WorkbenchTab, keyof WorkbenchPage['counts']>> = {
  pending: 'pending',
  active: 'active',
  warning: 'warning',
  overdue: 'overdue',
}

const EMPTY_TEXT: Record<WorkbenchTab, string> = {
  pending: '没有待受理的工单',
  active: '没有处理中的工单',
  warning: '没有即将超时的工单',
  overdue: '没有超时的工单',
  done: '这段时间还没有办结的工单',
  all: '还没有工单',
}

function filterCount(f: WorkbenchFilters): number {
  return [f.categoryId, f.placeId, f.from ?? f.to].filter((v) => v !== undefined).length
}

/**
 * The staff's workbench on the 工单 tab: 待受理 / 处理中 / 即将超时 / 已超时 / 已办结 / 全部.
 *
 * Next pages load on `useReachBottom`: Taro 4's page hooks find their page through React
 * context, so they fire in a component inside the page too, in weapp and in H5. A 加载更多
 * button under the list does the same for anyone who would rather tap (or if the page scrolls
 * inside a ScrollView of its own).
 */
export function Workbench() {
  const { me, user } = useSession()
  const role = me?.user.role ?? user?.role ?? 'officer'
  const isDesk = role === 'dispatcher' || role === 'admin'
  const [view, setView] = useState<'mine' | 'scope'>(isDesk ? 'scope' : 'mine')
  const [tab, setTab] = useState<WorkbenchTab>(() => takeRequestedWorkbenchTab() ?? 'pending')
  const [filters, setFilters] = useState<WorkbenchFilters>({})
  const [filtersOpen, setFiltersOpen] = useState(false)
  const query = { tab, view, ...filters }
  const list = usePagedList<TicketSummary, string, WorkbenchPage>(
    (cursor) => fetchWorkbench({ ...query, cursor, limit: PAGE_SIZE }),
    JSON.stringify(query),
  )
  const counts = list.lastPage?.counts ?? null
  const shown = useRef(false)

  // Back from a ticket (or from a home tile): fresh counts, and the tab the tile asked for.
  useDidShow(() => {
    const requested = takeRequestedWorkbenchTab()
    if (!shown.current) {
      shown.current = true
      if (requested) setTab(requested)
      return
    }
    if (requested && requested !== tab) setTab(requested)
    else list.reload()
  })
  useReachBottom(() => list.loadMore())

  const now = Date.now()
  const active = filterCount(filters)
  return (
    <View className="wb">
      {isDesk && (
        <View className="segmented">
          {(['mine', 'scope'] as const).map((v) => (
            <Button key={v} className={`segmented__item ${view === v ? 'segmented__item--on' : ''}`} onClick={() => setView(v)}>
              {v === 'mine' ? '我的' : '辖区'}
            </Button>
          ))}
        </View>
      )}

      <View className="wb-tabs">
        {WORKBENCH_TABS.map((t) => {
          const counted = COUNTED[t]
          const count = counted && counts ? counts[counted] : null
          return (
            <View
              key={t}
              className={`wb-tab ${tab === t ? 'wb-tab--on' : ''} ${t === 'overdue' && count ? 'wb-tab--alarm' : ''}`}
              aria-label={count !== null ? `${WORKBENCH_TAB_LABELS[t]} ${count} 件` : WORKBENCH_TAB_LABELS[t]}
              onClick={() => setTab(t)}
            >
              <Text className="wb-tab__label">{WORKBENCH_TAB_LABELS[t]}</Text>
              {count !== null && <Text className="wb-tab__count">{count}</Text>}
            </View>
          )
        })}
      </View>

      <Button className="btn btn--small wb-filter-toggle" onClick={() => setFiltersOpen((o) => !o)}>
        {filtersOpen ? '收起筛选' : active ? `筛选（已选 ${active} 项）` : '筛选'}
      </Button>
      {filtersOpen && <Filters role={role} scope={me?.scope ?? null} value={filters} onChange={setFilters} />}

      {list.error ? (
        <LoadError message={list.error} onRetry={list.reload} />
      ) : list.loading && list.items.length === 0 ? (
        <Loading />
      ) : list.items.length === 0 ? (
        <View className="page-state">
          <Text className="page-state__text">{EMPTY_TEXT[tab]}</Text>
        </View>
      ) : (
        <View>
          {list.items.map((ticket) => (
            <TicketCard key={ticket.id} ticket={ticket} now={now} />
          ))}
          {list.moreError && <Text className="field__error">{list.moreError}</Text>}
          {list.hasMore ? (
            <Button className="btn wb-more" loading={list.loadingMore || undefined} onClick={list.loadMore}>
              {list.loadingMore ? '正在加载…' : '加载更多'}
            </Button>
          ) : (
            <Text className="wb-end">已经到底了</Text>
          )}
        </View>
      )}
    </View>
  )
}

export default Workbench
