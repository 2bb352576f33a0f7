import { useState } from 'react'
import { Text, Textarea, View } from '@tarojs/components'
import { RATING_LABELS, RATINGS, ticketActionInputSchema, type TicketActionInput } from '@anju/shared'
import BusyButton from '../../components/BusyButton'
import { blankToUndefined } from '../../utils/form'

type Rating = (typeof RATINGS)[number]

interface Props {
  /** Reopening is still possible (resolved, and reopenUntil in the future). */
  canReopen: boolean
  busy: 'rate' | 'reopen' | null
  /** The key of this rating or reopening, the same on every retry of it. */
  clientKeyFor: (action: 'rate' | 'reopen') => string
  onSubmit: (input: TicketActionInput) => void
}

/** 评价: three big choices and a comment; 不满意 offers 申请重新办理 with the comment as reason. */
export default function RatingPanel({ canReopen, busy, clientKeyFor, onSubmit }: Props) {
  const [rating, setRating] = useState<Rating | null>(null)
  const [comment, setComment] = useState('')
  const [error, setError] = useState<string | null>(null)
  const unhappy = rating === 'dissatisfied'

  function send(input: unknown, fallback: string) {
    const parsed = ticketActionInputSchema.safeParse(input)
    if (!parsed.success) {
      setError(
        parsed.error.issues[0]?.message && /[\u4e00-\u9fa5]/.test(parsed.error.issues[0].message)
          ? parsed.error.issues[0].message
          : fallback,
      )
      return
    }
    setError(null)
    onSubmit(parsed.data)
  }

  function rate() {
    if (!rating) {
      setError('请先选择满意、基本满意或不满意')
      return
    }
    send({ action: 'rate', clientKey: clientKeyFor('rate'), rating, comment: blankToUndefined(comment) }, '评价最多 500 字')
  }

  return (
    <View className="rating">
      <Text className="section-title">请您评价办理结果</Text>
      <View className="rating__choices">
        {RATINGS.map((r) => (
          <View
            key={r}
            className={`rating__choice rating__choice--${r} ${rating === r ? 'rating__choice--on' : ''}`}
            onClick={() => setRating(r)}
          >
            {RATING_LABELS[r]}
          </View>
        ))}
      </View>
      <Textarea
        className="rating__comment"
        value={comment}
        maxlength={500}
        placeholder={unhappy ? '请说说哪里不满意，问题还有哪些没解决' : '还想说的话（选填）'}
        onInput={(e) => setComment(e.detail.value)}
      />
      {unhappy && canReopen && <Text className="rating__hint">问题没有解决？可以申请重新办理，您写的意见会作为原因交给民警。</Text>}
      {error && <View className="error-box">{error}</View>}
      <BusyButton className="btn btn--primary" busy={busy === 'rate'} onClick={rate}>
        提交评价
      </BusyButton>
      {unhappy && canReopen && (
        <BusyButton
          className="btn"
          busy={busy === 'reopen'}
          onClick={() => send({ action: 'reopen', clientKey: clientKeyFor('reopen'), reason: comment }, '请说明需要重新办理的原因')}
        >
          申请重新办理
        </BusyButton>
      )}
    </View>
  )
}
