import { Button, Text, View } from '@tarojs/components'
import { callPhone } from '../../utils/phone'
import './index.scss'

/** Anju answers everyday matters; an emergency is always 110. */
export default function EmergencyBanner() {
  return (
    <View className="emergency">
      <View className="emergency__words">
        <Text className="emergency__title">紧急情况请拨打 110</Text>
        <Text className="emergency__note">安居用于日常联系，不能代替报警</Text>
      </View>
      <Button className="emergency__call" onClick={() => callPhone('110')}>
        拨打 110
      </Button>
    </View>
  )
}
