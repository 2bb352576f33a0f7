import { useEffect, useState } from 'react'
import { Button, Picker, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { TicketStats } from '@anju/shared'
import { beijingDate } from '@anju/shared'
import BusyButton from '../../components/BusyButton'
import { LoadError, Loading } from '../../components/PageState'
import { placeOptions } from '../../components/Workbench/Filters'
import { downloadCsv, shareCsvFile } from '../../services/export-csv'
import { messageOf } from '../../services/request'
import { fetchStats } from '../../services/workbench'
import { refreshMe, requireLogin, useSession } from '../../stores/session'
import { PERIOD_LABELS, periodRange, shortDate, type DateRange, type PeriodKey } from '../../utils/dates'
import { describeMinutes } from '../../utils/deadline'
import { useRemote } from '../../utils/use-remote'
import { BarList, DayColumns, percent } from './Charts'
import './index.scss'

type Period = PeriodKey | 'custom'
const PERIODS: Period[] = ['this_month', 'last_month', 'last_7_days', 'custom']

function Totals({ stats }: { stats: TicketStats }) {
  const t = stats.total
  const figures = [
    { label: '受理量', value: `${t.count}`, sub: `已办结 ${t.closed} 件` },
    { label: '平均受理时长', value: describeMinutes(t.avgAcceptMinutes) },
    { label: '平均办结时长', value: describeMinutes(t.avgResolveMinutes) },
    { label: '按时办结率', value: percent(t.onTimeRate) },
    { label: '满意率', value: percent(t.satisfactionRate), sub: `${t.rated} 人评价` },
  ]
  return (
    <View className="card stats-totals">
      {figures.map((f) => (
        <View key={f.label} className="stats-totals__item" aria-label={`${f.label} ${f.value}`}>
          <Text className="stats-totals__value">{f.value}</Text>
          <Text className="stats-totals__label">{f.label}</Text>
          {f.sub && <Text className="stats-totals__sub">{f.sub}</Text>}
        </View>
      ))}
    </View>
  )
}

/** 工单统计: volume, speed, on-time and satisfaction for a period and a place in scope. */
export default function StatsPage() {
  const { me } = useSession()
  const [period, setPeriod] = useState<Period>('this_month')
  const [custom, setCustom] = useState<DateRange>(() => periodRange('this_month', Date.now()))
  const [places, setPlaces] = useState<Array<{ id: number; name: string }>>([])
  const [placeIndex, setPlaceIndex] = useState(0)
  const [exporting, setExporting] = useState(false)
  const [exported, setExported] = useState<string | null>(null)
  const [exportError, setExportError] = useState<string | null>(null)

  const range = period === 'custom' ? custom : periodRange(period, Date.now())
  const placeId = placeIndex > 0 ? places[placeIndex - 1]?.id : undefined
  const query = { ...range, placeId }
  const stats = useRemote(() => fetchStats(query), JSON.stringify(query))

  useEffect(() => {
    if (!requireLogin()) return
    if (!me) void refreshMe().catch(() => undefined)
  }, [me])

  const role = me?.user.role
  useEffect(() => {
    if (!role) return
    placeOptions(role, me?.scope ?? null).then(setPlaces, () => setPlaces([]))
    // Reload places when the scope itself changes, not when /api/me returns an equal new object.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [role, me?.scope?.id])

  const fileName = `安居工单统计-${range.from}至${range.to}.csv`
  async function exportCsv() {
    setExporting(true)
    setExportError(null)
    try {
      const path = await downloadCsv('/api/stats.csv', query, fileName)
      setExported(path)
      if (!path) void Taro.showToast({ title: '已下载', icon: 'success' })
    } catch (err) {
      setExportError(messageOf(err))
    } finally {
      setExporting(false)
    }
  }

  const placeRange = [stats.data ? `全部（${stats.data.scope.name}）` : '全部', ...places.map((p) => p.name)]
  return (
    <View className="page stats">
      <View className="card">
        <View className="stats-periods">
          {PERIODS.map((p) => (
            <Button key={p} className={`stats-periods__item ${period === p ? 'stats-periods__item--on' : ''}`} onClick={() => setPeriod(p)}>
              {PERIOD_LABELS[p]}
            </Button>
          ))}
        </View>
        {period === 'custom' && (
          <View className="stats-dates">
            <Picker
              mode="date"
              value={custom.from}
              end={custom.to}
              onChange={(e) => setCustom({ ...custom, from: String(e.detail.value) })}
            >
              <View className="picker-box">{shortDate(custom.from)}</View>
            </Picker>
            <Text className="stats-dates__to">至</Text>
            <Picker
              mode="date"
              value={custom.to}
              start={custom.from}
              end={beijingDate(Date.now())}
              onChange={(e) => setCustom({ ...custom, to: String(e.detail.value) })}
            >
              <View className="picker-box">{shortDate(custom.to)}</View>
            </Picker>
          </View>
        )}
        <Text className="stats-range">
          {shortDate(range.from)} 至 {shortDate(range.to)}
        </Text>
        {places.length > 0 && (
          <Picker mode="selector" range={placeRange} value={placeIndex} onChange={(e) => setPlaceIndex(Number(e.detail.value))}>
            <View className="picker-box">
              <Text>{placeRange[placeIndex]}</Text>
              <Text className="stats-change">换地点</Text>
            </View>
          </Picker>
        )}
      </View>

      {stats.error ? (
        <LoadError message={stats.error} onRetry={stats.reload} />
      ) : !stats.data ? (
        <Loading />
      ) : (
        <View>
          <Totals stats={stats.data} />
          <View className="card">
            <Text className="section-title">每日受理量</Text>
            <DayColumns stats={stats.data} />
          </View>
          <View className="card">
            <Text className="section-title">按类别</Text>
            <BarList rows={stats.data.byCategory} empty="这段时间没有工单。" />
          </View>
          <View className="card">
            <Text className="section-title">按地区</Text>
            <BarList rows={stats.data.byPlace} empty="这段时间没有工单。" />
          </View>
        </View>
      )}

      <View className="card">
        {exportError && <View className="error-box">{exportError}</View>}
        <BusyButton className="btn btn--primary" busy={exporting} onClick={() => void exportCsv()}>
          导出CSV
        </BusyButton>
        {exported && (
          <Button className="btn" onClick={() => void shareCsvFile(exported, fileName).catch(() => undefined)}>
            发送到微信聊天
          </Button>
        )}
      </View>
    </View>
  )
}
