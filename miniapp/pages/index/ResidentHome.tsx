import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { Me } from '@anju/shared'
import EmergencyBanner from '../../components/EmergencyBanner'
import OfficerCard from '../../components/OfficerCard'
import { LoadError, Loading } from '../../components/PageState'
import { getBuildingLead } from '../../services/api'
import { reportPageUrl } from '../../services/tickets'
import { useRemote } from '../../utils/use-remote'
import NoticeTeaser from './NoticeTeaser'

const goBind = () => void Taro.navigateTo({ url: '/pages/bind/index' })

/** 隐患上报 / 矛盾纠纷: the two things a resident comes to do, as the largest buttons. */
function ReportEntries() {
  return (
    <View className="card home__report">
      <Text className="section-title">我要反映</Text>
      <View className="home__report-buttons">
        <Button className="btn btn--primary home__report-button" onClick={() => void Taro.navigateTo({ url: reportPageUrl('hazard') })}>
          隐患上报
        </Button>
        <Button className="btn btn--primary home__report-button" onClick={() => void Taro.navigateTo({ url: reportPageUrl('dispute') })}>
          矛盾纠纷
        </Button>
      </View>
      <View className="home__my-tickets" onClick={() => void Taro.switchTab({ url: '/pages/tickets/index' })}>
        <Text>查看我的工单和办理进度</Text>
        <Text className="home__my-tickets-arrow">›</Text>
      </View>
    </View>
  )
}

function BindPrompt() {
  return (
    <View className="card home__prompt">
      <Text className="section-title">您好，欢迎使用安居</Text>
      <Text className="home__prompt-text">绑定您住的楼栋后，就能看到负责您这栋楼的楼长民警，有事随时联系。</Text>
      <Button className="btn btn--primary home__prompt-button" onClick={goBind}>
        绑定我的楼栋
      </Button>
    </View>
  )
}

function ResidenceLine({ residence }: { residence: NonNullable<Me['residence']> }) {
  const parts = [residence.building.community, residence.building.name, residence.unit?.name].filter(Boolean)
  return (
    <View className="card home__residence">
      <Text className="home__residence-label">我的住址</Text>
      <Text className="home__residence-text">{parts.join(' · ')}</Text>
    </View>
  )
}

function BoundHome({ me, refreshKey }: { me: Me; refreshKey: number }) {
  const lead = useRemote(getBuildingLead, refreshKey)
  if (lead.failure?.code === 'not_found') return <BindPrompt />
  return (
    <View>
      {me.residence && <ResidenceLine residence={me.residence} />}
      {lead.data ? <OfficerCard lead={lead.data} /> : lead.error ? <LoadError message={lead.error} onRetry={lead.reload} /> : <Loading />}
    </View>
  )
}

export default function ResidentHome({ me, refreshKey }: { me: Me; refreshKey: number }) {
  return (
    <View>
      <EmergencyBanner />
      {/* Reporting needs a building: an unbound resident sees how to bind first. */}
      {!me.residence && <BindPrompt />}
      <ReportEntries />
      {me.residence && <NoticeTeaser refreshKey={refreshKey} />}
      {me.residence && <BoundHome me={me} refreshKey={refreshKey} />}
    </View>
  )
}
