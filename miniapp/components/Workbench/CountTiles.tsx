import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { LoadError } from '../PageState'
import { fetchWorkbench, requestWorkbenchTab, type WorkbenchTab } from '../../services/workbench'
import { useRemote } from '../../utils/use-remote'
import './count-tiles.scss'

const TILES: Array<{ tab: WorkbenchTab; label: string; tone: string }> = [
  { tab: 'pending', label: '待受理', tone: 'blue' },
  { tab: 'warning', label: '即将超时', tone: 'orange' },
  { tab: 'overdue', label: '已超时', tone: 'red' },
]

export const TICKETS_TAB_PAGE = '/pages/tickets/index'

function openTab(tab: WorkbenchTab): void {
  requestWorkbenchTab(tab)
  void Taro.switchTab({ url: TICKETS_TAB_PAGE })
}

/** The home page's three big numbers of open work; each opens the 工单 tab on its list. */
export default function CountTiles({ view, refreshKey }: { view: 'mine' | 'scope'; refreshKey: number }) {
  const page = useRemote(() => fetchWorkbench({ tab: 'pending', view, limit: 1 }), `${view}:${refreshKey}`)
  if (page.error) return <LoadError message={page.error} onRetry={page.reload} />
  const counts = page.data?.counts
  return (
    <View className="card count-tiles">
      {TILES.map(({ tab, label, tone }) => {
        const n = counts ? counts[tab as 'pending' | 'warning' | 'overdue'] : null
        return (
          <View
            key={tab}
            className={`count-tiles__tile count-tiles__tile--${n ? tone : 'calm'}`}
            aria-label={`${label} ${n ?? '…'} 件`}
            onClick={() => openTab(tab)}
          >
            <Text className="count-tiles__number">{n ?? '…'}</Text>
            <Text className="count-tiles__label">{label}</Text>
          </View>
        )
      })}
    </View>
  )
}
