import { useState } from 'react'
import { Button, Picker, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { createInviteSchema, ROLE_LABELS, type Invite, type StaffRole } from '@anju/shared'
import BusyButton from '../BusyButton'
import { createInvite, listInvites } from '../../services/api'
import { messageOf } from '../../services/request'
import { useIntentKeys } from '../../utils/intent-keys'
import { formatBeijingDateTime } from '../../utils/time'
import { useRemote } from '../../utils/use-remote'
import './index.scss'

const ROLE_CHOICES: StaffRole[] = ['officer', 'volunteer', 'dispatcher']
const EXPIRY_CHOICES = [
  { hours: 24, label: '1 天' },
  { hours: 72, label: '3 天' },
  { hours: 168, label: '7 天' },
  { hours: 720, label: '30 天' },
]

function inviteState(invite: Invite, now: number): { text: string; live: boolean } {
  if (invite.usedAt) return { text: '已使用', live: false }
  if (new Date(invite.expiresAt).getTime() <= now) return { text: '已过期', live: false }
  return { text: '可使用', live: true }
}

/** 邀请工作人员: a one-time code that turns a resident account into staff of this scope. */
export default function InvitePanel({ placeId }: { placeId: number }) {
  const [roleIndex, setRoleIndex] = useState(0)
  const [expiryIndex, setExpiryIndex] = useState(1)
  const [created, setCreated] = useState<Invite | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [listVersion, setListVersion] = useState(0)
  const invites = useRemote(listInvites, listVersion)
  // One key per choice of role and expiry: a retry of it is the same invite, another choice a new one.
  const keys = useIntentKeys<string>()

  const role = ROLE_CHOICES[roleIndex] ?? 'officer'
  const expiry = EXPIRY_CHOICES[expiryIndex] ?? EXPIRY_CHOICES[1]!

  async function submit() {
    const intent = `${role}:${expiry.hours}`
    const input = createInviteSchema.safeParse({ role, placeId, expiresInHours: expiry.hours, clientKey: keys.keyFor(intent) })
    if (!input.success) {
      setError('邀请信息不完整，请重新选择')
      return
    }
    setBusy(true)
    setError(null)
    try {
      setCreated(await createInvite(input.data))
      keys.done(intent)
      setListVersion((n) => n + 1)
    } catch (err) {
      setError(messageOf(err))
    } finally {
      setBusy(false)
    }
  }

  const now = Date.now()
  return (
    <View className="card invite">
      <Text className="section-title">邀请工作人员</Text>
      <View className="field">
        <Text className="field__label">身份</Text>
        <Picker
          mode="selector"
          range={ROLE_CHOICES.map((r) => ROLE_LABELS[r])}
          value={roleIndex}
          onChange={(e) => setRoleIndex(Number(e.detail.value))}
        >
          <View className="picker-box">
            <Text>{ROLE_LABELS[role]}</Text>
            <Text className="invite__change">更改</Text>
          </View>
        </Picker>
      </View>
      <View className="field">
        <Text className="field__label">有效期</Text>
        <Picker
          mode="selector"
          range={EXPIRY_CHOICES.map((c) => c.label)}
          value={expiryIndex}
          onChange={(e) => setExpiryIndex(Number(e.detail.value))}
        >
          <View className="picker-box">
            <Text>{expiry.label}</Text>
            <Text className="invite__change">更改</Text>
          </View>
        </Picker>
      </View>
      {error && <View className="error-box">{error}</View>}
      <BusyButton className="btn btn--primary" busy={busy} onClick={() => void submit()}>
        生成邀请码
      </BusyButton>

      {created?.code && (
        <View className="invite__created">
          <Text className="invite__created-label">{ROLE_LABELS[created.role]}邀请码（只显示这一次）</Text>
          <Text className="invite__code" selectable>
            {created.code}
          </Text>
          <Text className="invite__created-label">
            {created.place.name} · 有效期至 {formatBeijingDateTime(created.expiresAt)}
          </Text>
          <Button className="btn btn--small" onClick={() => void Taro.setClipboardData({ data: created.code ?? '' })}>
            复制邀请码
          </Button>
        </View>
      )}

      <Text className="invite__list-title">已发出的邀请</Text>
      {invites.error && <Text className="field__error">{invites.error}</Text>}
      {invites.data?.items.length === 0 && <Text className="text-soft">还没有发出邀请。</Text>}
      {invites.data?.items.map((invite) => {
        const state = inviteState(invite, now)
        return (
          <View key={invite.id} className="list-row">
            <View className="list-row__main">
              <Text className="invite__item-title">
                {ROLE_LABELS[invite.role]} · {invite.place.name}
              </Text>
              <Text className="invite__item-sub">有效期至 {formatBeijingDateTime(invite.expiresAt)}</Text>
            </View>
            <Text className={`badge ${state.live ? 'badge--on' : 'badge--off'}`}>{state.text}</Text>
          </View>
        )
      })}
    </View>
  )
}
