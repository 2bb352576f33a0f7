import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import EmergencyBanner from '../../components/EmergencyBanner'
import { LoadError, Loading } from '../../components/PageState'
import CountTiles from '../../components/Workbench/CountTiles'
import { getOfficerOverview } from '../../services/api'
import { useRemote } from '../../utils/use-remote'

/** 楼长民警首页: their own duty status and the buildings they lead. */
export default function OfficerHome({ refreshKey }: { refreshKey: number }) {
  const overview = useRemote(getOfficerOverview, refreshKey)
  if (!overview.data) {
    return overview.error ? <LoadError message={overview.error} onRetry={overview.reload} /> : <Loading />
  }
  const { officer, buildings, totalResidents } = overview.data
  return (
    <View>
      <View className="card">
        <View className="row">
          <Text className="home__name">{officer.name}</Text>
          <Text className={`badge ${officer.status === 'on_duty' ? 'badge--on' : 'badge--off'}`}>{officer.statusText}</Text>
        </View>
        <Text className="home__line">
          警号 {officer.policeNumber} · {officer.station}
        </Text>
        <Text className="home__line">值班时间：{officer.dutyHoursText}</Text>
      </View>

      <CountTiles view="mine" refreshKey={refreshKey} />

      <View className="card home__stats">
        <View className="home__stat">
          <Text className="big-stat">{buildings.length}</Text>
          <Text className="home__stat-label">负责楼栋</Text>
        </View>
        <View className="home__stat">
          <Text className="big-stat">{totalResidents}</Text>
          <Text className="home__stat-label">已绑定居民</Text>
        </View>
      </View>

      <View className="card">
        <Text className="section-title">我负责的楼栋</Text>
        {buildings.length === 0 && <Text className="home__line">暂未分配楼栋，请联系值班台。</Text>}
        {buildings.map((b) => (
          <View key={b.id} className="list-row">
            <View className="list-row__main">
              <Text className="home__list-title">
                {b.community} {b.name}
              </Text>
              <Text className="home__list-sub">{b.grid}</Text>
            </View>
            <Text className="home__list-count">{b.residents} 位居民</Text>
          </View>
        ))}
      </View>
      <View className="card">
        <Button className="btn" onClick={() => void Taro.navigateTo({ url: '/pages/stats/index' })}>
          我的工单统计
        </Button>
      </View>
      <EmergencyBanner />
    </View>
  )
}
