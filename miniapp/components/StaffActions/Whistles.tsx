import { useState } from 'react'
import { Text, Textarea, View } from '@tarojs/components'
import type { Whistle } from '@anju/shared'
import BusyButton from '../BusyButton'
import { useIntentKeys } from '../../utils/intent-keys'
import { formatBeijingDateTime } from '../../utils/time'

const STATE_TEXT: Record<Whistle['status'], string> = { called: '已吹哨，待报到', reported: '已报到，待反馈', responded: '已反馈' }

interface Props {
  whistles: Whistle[]
  /** The duty desk records for the department: 报到, then 反馈. */
  canReportIn: boolean
  onReportIn: (input: Record<string, unknown>) => Promise<string | null>
}

function WhistleRow({ whistle, canReportIn, onReportIn }: { whistle: Whistle } & Omit<Props, 'whistles'>) {
  const [response, setResponse] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const keys = useIntentKeys<'report' | 'respond'>()

  async function send(intent: 'report' | 'respond', input: Record<string, unknown>) {
    setBusy(true)
    setError(null)
    const message = await onReportIn({ ...input, clientKey: keys.keyFor(intent) })
    setBusy(false)
    if (message) setError(message)
    else {
      keys.done(intent)
      setResponse('')
    }
  }

  function respond() {
    if (!response.trim()) {
      setError('请填写部门的反馈')
      return
    }
    void send('respond', { action: 'report_in', whistleId: whistle.id, response })
  }

  return (
    <View className="sa-whistle">
      <View className="row">
        <Text className="sa-whistle__dept">{whistle.department}</Text>
        <Text className={`sa-whistle__state sa-whistle__state--${whistle.status}`}>{STATE_TEXT[whistle.status]}</Text>
      </View>
      <Text className="sa-whistle__line">吹哨时间：{formatBeijingDateTime(whistle.calledAt)}</Text>
      {whistle.note && <Text className="sa-whistle__line">事由：{whistle.note}</Text>}
      {whistle.reportedAt && <Text className="sa-whistle__line">报到时间：{formatBeijingDateTime(whistle.reportedAt)}</Text>}
      {whistle.response && <Text className="sa-whistle__line">反馈：{whistle.response}</Text>}
      {canReportIn && whistle.status === 'called' && (
        <BusyButton
          className="btn btn--small sa-whistle__button"
          busy={busy}
          onClick={() => void send('report', { action: 'report_in', whistleId: whistle.id })}
        >
          {whistle.department}已报到
        </BusyButton>
      )}
      {canReportIn && whistle.status === 'reported' && (
        <View className="sa-whistle__respond">
          <Textarea
            className="sa-form__text"
            value={response}
            placeholder="部门的处理反馈"
            maxlength={500}
            onInput={(e) => setResponse(e.detail.value)}
          />
          <BusyButton className="btn btn--small sa-whistle__button" busy={busy} onClick={respond}>
            记录反馈
          </BusyButton>
        </View>
      )}
      {error && <Text className="field__error">{error}</Text>}
    </View>
  )
}

/** 吹哨报到: the departments called to this ticket and how far each has come. */
export default function Whistles({ whistles, canReportIn, onReportIn }: Props) {
  return (
    <View className="card">
      <Text className="section-title">吹哨报到</Text>
      {whistles.map((w) => (
        <WhistleRow key={w.id} whistle={w} canReportIn={canReportIn} onReportIn={onReportIn} />
      ))}
    </View>
  )
}
