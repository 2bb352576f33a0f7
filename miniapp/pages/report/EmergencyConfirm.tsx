import { Button, Text, View } from '@tarojs/components'
import { EMERGENCY_PHONE } from '@anju/shared'
import { callPhone } from '../../utils/phone'
import './EmergencyConfirm.scss'

interface Props {
  signals: string[]
  onContinue: () => void
  onClose: () => void
}

/**
 * Anju is not 110: words of a danger in progress stop the submit and put the call first. Drawn
 * by the page rather than showModal, whose button text is limited to four characters.
 */
export default function EmergencyConfirm({ signals, onContinue, onClose }: Props) {
  return (
    <View className="report-modal" role="dialog" aria-modal="true">
      <View className="report-modal__box">
        <Text className="report-modal__title">请先拨打110</Text>
        <Text className="report-modal__text">您描述的情况可能正在发生危险（{signals.join('、')}），请立即拨打110。</Text>
        <Button className="btn report-modal__call" onClick={() => callPhone(EMERGENCY_PHONE)}>
          拨打110
        </Button>
        <Button className="btn" onClick={onContinue}>
          仍要提交
        </Button>
        <Button className="btn report-modal__back" onClick={onClose}>
          返回修改
        </Button>
      </View>
    </View>
  )
}
