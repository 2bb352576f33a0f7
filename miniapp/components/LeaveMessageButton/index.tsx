import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import BusyButton from '../BusyButton'
import { goToMyConversation } from '../../services/messages'
import { messageOf } from '../../services/request'

interface Props {
  label: string
  className?: string
}

/** 在线留言 / 给楼长民警留言: opens the resident's conversation with their building-lead officer. */
export default function LeaveMessageButton({ label, className = 'btn btn--primary' }: Props) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function open() {
    setBusy(true)
    setError(null)
    try {
      await goToMyConversation()
    } catch (err) {
      setError(messageOf(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View>
      <BusyButton className={className} busy={busy} onClick={() => void open()}>
        {label}
      </BusyButton>
      {error && <Text className="field__error">{error}</Text>}
    </View>
  )
}
