import { Text, View } from '@tarojs/components'
import { ROLE_LABELS, type Me } from '@anju/shared'
import { describeScope } from '../../utils/labels'

/** 法律援助志愿者首页: who they are and where they serve. */
export default function VolunteerHome({ me }: { me: Me }) {
  return (
    <View className="card">
      <Text className="section-title">{me.user.name}</Text>
      <Text className="home__line">身份：{ROLE_LABELS[me.user.role]}</Text>
      <Text className="home__line">服务范围：{describeScope(me.scope)}</Text>
    </View>
  )
}
