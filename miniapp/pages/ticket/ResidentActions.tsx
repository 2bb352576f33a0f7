import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { TicketAction, TicketActionInput, TicketDetail } from '@anju/shared'
import BusyButton from '../../components/BusyButton'
import { ApiRequestError, messageOf } from '../../services/request'
import { actOnTicket } from '../../services/tickets'
import { useIntentKeys } from '../../utils/intent-keys'
import RatingPanel from './RatingPanel'

/** The only actions a resident is ever offered, whatever else the list holds. */
const RESIDENT_ACTIONS: readonly TicketAction[] = ['rate', 'reopen', 'urge', 'withdraw']

const DONE: Partial<Record<TicketAction, string>> = {
  withdraw: '已撤回',
  urge: '已催办',
  rate: '感谢您的评价',
  reopen: '已申请重新办理',
}

interface Props {
  ticket: TicketDetail
  onChanged: (ticket: TicketDetail) => void
  /** The ticket changed meanwhile (409): say why and load it again. */
  onConflict: (message: string) => void
  now?: number
}

export function canReopen(ticket: TicketDetail, now: number): boolean {
  if (!ticket.actions.includes('reopen') || !ticket.reopenUntil) return false
  return new Date(ticket.reopenUntil).getTime() > now
}

/** 撤回 / 催办 / 评价 / 重新办理, as the state machine allows them now. */
export default function ResidentActions({ ticket, onChanged, onConflict, now = Date.now() }: Props) {
  const [busy, setBusy] = useState<TicketAction | null>(null)
  const [error, setError] = useState<string | null>(null)
  const keys = useIntentKeys<TicketAction>()
  const allowed = ticket.actions.filter((a) => RESIDENT_ACTIONS.includes(a))
  if (allowed.length === 0) return null

  async function act(input: TicketActionInput) {
    setBusy(input.action)
    setError(null)
    try {
      onChanged(await actOnTicket(ticket.id, input))
      keys.done(input.action)
      void Promise.resolve(Taro.showToast({ title: DONE[input.action] ?? '已完成', icon: 'success' })).catch(() => undefined)
    } catch (err) {
      if (err instanceof ApiRequestError && err.code === 'conflict') onConflict(err.message)
      else setError(messageOf(err))
    } finally {
      setBusy(null)
    }
  }

  async function withdraw() {
    const answer = await Promise.resolve(
      Taro.showModal({
        title: '撤回这条反映？',
        content: '撤回后民警将不再处理。如问题仍在，需要重新上报。',
        confirmText: '确定撤回',
        cancelText: '再想想',
      }),
    ).catch(() => null)
    if (answer?.confirm) await act({ action: 'withdraw', clientKey: keys.keyFor('withdraw') })
  }

  return (
    <View className="card ticket-actions">
      {allowed.includes('rate') && (
        <RatingPanel
          canReopen={canReopen(ticket, now)}
          busy={busy === 'rate' || busy === 'reopen' ? busy : null}
          clientKeyFor={keys.keyFor}
          onSubmit={(input) => void act(input)}
        />
      )}
      {allowed.includes('urge') && (
        <View className="ticket-actions__item">
          <Text className="ticket-actions__hint">等了较长时间还没有进展，可以催一催。</Text>
          <BusyButton
            className="btn btn--primary"
            busy={busy === 'urge'}
            onClick={() => void act({ action: 'urge', clientKey: keys.keyFor('urge') })}
          >
            催办
          </BusyButton>
        </View>
      )}
      {allowed.includes('withdraw') && (
        <View className="ticket-actions__item">
          <BusyButton className="btn btn--danger" busy={busy === 'withdraw'} onClick={() => void withdraw()}>
            撤回
          </BusyButton>
        </View>
      )}
      {error && <View className="error-box ticket-actions__error">{error}</View>}
    </View>
  )
}
