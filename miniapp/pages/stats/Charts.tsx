import { Text, View } from '@tarojs/components'
import type { StatsRow, TicketStats } from '@anju/shared'
import { shortDate } from '../../utils/dates'

/** "87.5%"; "—" when there is nothing to measure yet. */
export function percent(rate: number | null): string {
  if (rate === null) return '—'
  return `${Math.round(rate * 1000) / 10}%`
}

/** Horizontal bars, one per row, as long as its share of the largest: no chart library needed. */
export function BarList({ rows, empty }: { rows: StatsRow[]; empty: string }) {
  if (rows.length === 0) return <Text className="text-soft">{empty}</Text>
  const max = Math.max(1, ...rows.map((r) => r.count))
  return (
    <View className="bars">
      {rows.map((r) => (
        <View key={r.key} className="bars__row">
          <View className="row">
            <Text className="bars__label">{r.label}</Text>
            <Text className="bars__count">{r.count} 件</Text>
          </View>
          <View className="bars__track">
            <View className="bars__fill" style={{ width: `${(r.count / max) * 100}%` }} aria-label={`${r.label} ${r.count} 件`} />
          </View>
          <Text className="bars__rates">
            按时办结 {percent(r.onTimeRate)} · 满意 {percent(r.satisfactionRate)}
          </Text>
        </View>
      ))}
    </View>
  )
}

const DAY_MS = 24 * 3600_000

/** Every day from `from` to `to`, with the server's counts; days without tickets count 0. */
export function fillDays(stats: Pick<TicketStats, 'from' | 'to' | 'byDay'>): Array<{ day: string; count: number }> {
  const counts = new Map(stats.byDay.map((d) => [d.day, d.count]))
  const start = Date.parse(`${stats.from}T00:00:00Z`)
  const end = Date.parse(`${stats.to}T00:00:00Z`)
  if (Number.isNaN(start) || Number.isNaN(end) || end < start || end - start > 400 * DAY_MS) return stats.byDay
  const days: Array<{ day: string; count: number }> = []
  for (let t = start; t <= end; t += DAY_MS) {
    const day = new Date(t).toISOString().slice(0, 10)
    days.push({ day, count: counts.get(day) ?? 0 })
  }
  return days
}

/** 每日受理量: one column per day, the busiest day full height. */
export function DayColumns({ stats }: { stats: Pick<TicketStats, 'from' | 'to' | 'byDay'> }) {
  const days = fillDays(stats)
  if (days.length === 0) return <Text className="text-soft">这段时间没有工单。</Text>
  const max = Math.max(1, ...days.map((d) => d.count))
  const first = days[0]!
  const last = days[days.length - 1]!
  return (
    <View>
      <Text className="columns__max">最多一天 {max} 件</Text>
      <View className="columns">
        {days.map((d) => (
          <View key={d.day} className="columns__slot" aria-label={`${shortDate(d.day)} ${d.count} 件`}>
            <View className="columns__bar" style={{ height: `${(d.count / max) * 100}%` }} />
          </View>
        ))}
      </View>
      <View className="row">
        <Text className="columns__axis">{shortDate(first.day)}</Text>
        {days.length > 1 && <Text className="columns__axis">{shortDate(last.day)}</Text>}
      </View>
    </View>
  )
}
