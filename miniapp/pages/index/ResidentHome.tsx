import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { Me } from '@anju/shared'
import EmergencyBanner from '../../components/EmergencyBanner'
import OfficerCard from '../../components/OfficerCard'
import { LoadError, Loading } from '../../components/PageState'
import { getBuildingLead } from '../../services/api'
import { useRemote } from '../../utils/use-remote'

const goBind = () => void Taro.navigateTo({ url: '/pages/bind/index' })

function BindPrompt() {
  return (
    <View className='card home__prompt'>
      <Text className='section-title'>您好，欢迎使用安居</Text>
      <Text className='home__prompt-text'>绑定您住的楼栋后，就能看到负责您这栋楼的楼长民警，有事随时联系。</Text>
      <Button className='btn btn--primary home__prompt-button' onClick={goBind}>
        绑定我的楼栋
      </Button>
    </View>
  )
}

function ResidenceLine({ residence }: { residence: NonNullable<Me['residence']> }) {
  const parts = [residence.building.community, residence.building.name, residence.unit?.name].filter(Boolean)
  return (
    <View className='card home__residence'>
      <Text className='home__residence-label'>我的住址</Text>
      <Text className='home__residence-text'>{parts.join(' · ')}</Text>
    </View>
  )
}

function BoundHome({ me, refreshKey }: { me: Me; refreshKey: number }) {
  const lead = useRemote(getBuildingLead, refreshKey)
  if (lead.failure?.code === 'not_found') return <BindPrompt />
  return (
    <View>
      {me.residence && <ResidenceLine residence={me.residence} />}
      {lead.data ? (
        <OfficerCard lead={lead.data} />
      ) : lead.error ? (
        <LoadError message={lead.error} onRetry={lead.reload} />
      ) : (
        <Loading />
      )}
    </View>
  )
}

export default function ResidentHome({ me, refreshKey }: { me: Me; refreshKey: number }) {
  return (
    <View>
      <EmergencyBanner />
      {me.residence ? <BoundHome me={me} refreshKey={refreshKey} /> : <BindPrompt />}
    </View>
  )
}
