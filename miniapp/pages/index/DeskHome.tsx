import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { Me } from '@anju/shared'
import DeskAlerts from '../../components/DeskAlerts'
import InvitePanel from '../../components/InvitePanel'
import { LoadError, Loading } from '../../components/PageState'
import CountTiles from '../../components/Workbench/CountTiles'
import { mayEditCategories } from '../categories/form'
import { getDeskOverview } from '../../services/api'
import { describeScope } from '../../utils/labels'
import { useRemote } from '../../utils/use-remote'

const go = (url: string) => void Taro.navigateTo({ url })

/** 值班台首页: alerts and open work first, then the scope at a glance, who is on duty, and inviting staff. */
export default function DeskHome({ me, refreshKey }: { me: Me; refreshKey: number }) {
  const overview = useRemote(getDeskOverview, refreshKey)
  if (!overview.data) {
    return overview.error ? <LoadError message={overview.error} onRetry={overview.reload} /> : <Loading />
  }
  const o = overview.data
  return (
    <View>
      <CountTiles view="scope" refreshKey={refreshKey} />
      <DeskAlerts refreshKey={refreshKey} />
      <View className="card">
        <Text className="section-title">{describeScope(o.scope)}</Text>
        {o.dutyDesk && (
          <View>
            <Text className="home__line">{o.dutyDesk.name}</Text>
            <Text className="home__line">值班电话：{o.dutyDesk.phone}</Text>
          </View>
        )}
        <View className="home__stats home__stats--three">
          <View className="home__stat">
            <Text className="big-stat">{o.buildings}</Text>
            <Text className="home__stat-label">楼栋</Text>
          </View>
          <View className="home__stat">
            <Text className={`big-stat ${o.buildingsWithoutOfficer > 0 ? 'home__warn' : ''}`}>{o.buildingsWithoutOfficer}</Text>
            <Text className="home__stat-label">未配楼长民警</Text>
          </View>
          <View className="home__stat">
            <Text className="big-stat">{o.residents}</Text>
            <Text className="home__stat-label">居民</Text>
          </View>
        </View>
      </View>

      <View className="card">
        <Text className="section-title">楼长民警（{o.officers.length} 人）</Text>
        {o.officers.length === 0 && <Text className="home__line">范围内还没有楼长民警。</Text>}
        {o.officers.map((officer) => (
          <View key={officer.userId} className="list-row">
            <View className="list-row__main">
              <Text className="home__list-title">{officer.name}</Text>
              <Text className="home__list-sub">
                警号 {officer.policeNumber} · 负责 {officer.buildings} 栋
              </Text>
            </View>
            <Text className={`badge ${officer.onDuty ? 'badge--on' : 'badge--off'}`}>{officer.onDuty ? '在岗' : '休息'}</Text>
          </View>
        ))}
      </View>

      <View className="card">
        <Text className="section-title">统计与设置</Text>
        <Button className="btn" onClick={() => go('/pages/stats/index')}>
          工单统计
        </Button>
        {mayEditCategories(me) && (
          <Button className="btn" onClick={() => go('/pages/categories/index')}>
            问题类别与办理时限
          </Button>
        )}
      </View>

      <InvitePanel placeId={me.scope?.id ?? o.scope.id} />
    </View>
  )
}
