import { useState } from 'react'
import { Button, Input, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { NOTICE_KIND_LABELS, NOTICE_KINDS, createNoticeSchema, type Notice, type NoticeKind } from '@anju/shared'
import BusyButton from '../../components/BusyButton'
import { reachText } from '../../components/NoticeCard'
import { getOfficerOverview } from '../../services/api'
import { postNotice } from '../../services/notices'
import { messageOf } from '../../services/request'
import { useSession } from '../../stores/session'
import { newClientKey } from '../../utils/client-key'
import { fieldErrors } from '../../utils/form'
import { useRemote } from '../../utils/use-remote'
import BuildingChooser from './BuildingChooser'
import './index.scss'

type Field = 'kind' | 'title' | 'body' | 'buildingIds'
const FALLBACKS: Record<Field, string> = { kind: '请选择通知类型', title: '请填写标题', body: '请填写内容', buildingIds: '请选择楼栋' }

interface Draft {
  kind: NoticeKind | null
  title: string
  body: string
  /** 'all', or the buildings ticked. */
  buildingIds: 'all' | number[]
}

function Posted({ notice }: { notice: Notice }) {
  return (
    <View className="page">
      <View className="card compose-done">
        <Text className="compose-done__title">通知已发布</Text>
        <Text className="compose-done__line">{notice.title}</Text>
        {notice.reach && <Text className="compose-done__reach">{reachText(notice.reach)}</Text>}
        <Button className="btn btn--primary" onClick={() => void Taro.navigateBack()}>
          返回
        </Button>
      </View>
    </View>
  )
}

/** 发布通知: the officer as 宣传员 tells their buildings (or all they cover) about safety, fraud, water and power. */
export default function NoticeComposePage() {
  const { user } = useSession()
  const isOfficer = user?.role === 'officer'
  const overview = useRemote(() => (isOfficer ? getOfficerOverview() : Promise.resolve(null)), isOfficer)
  const [clientId] = useState(newClientKey)
  const [draft, setDraft] = useState<Draft>({ kind: null, title: '', body: '', buildingIds: 'all' })
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({})
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [posted, setPosted] = useState<Notice | null>(null)
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }))

  async function publish() {
    const parsed = createNoticeSchema.safeParse({ ...draft, clientId })
    if (!parsed.success) return setErrors(fieldErrors(parsed.error, FALLBACKS))
    setErrors({})
    setFailure(null)
    setBusy(true)
    try {
      // The same clientId on a retry: a second tap after a lost answer posts nothing twice.
      setPosted(await postNotice(parsed.data))
    } catch (err) {
      setFailure(messageOf(err))
    } finally {
      setBusy(false)
    }
  }

  if (posted) return <Posted notice={posted} />
  const buildings = overview.data?.buildings ?? []
  return (
    <View className="page compose">
      <View className="card">
        <Text className="field__label">通知类型</Text>
        <View className="compose-kinds">
          {NOTICE_KINDS.map((k) => (
            <View
              key={k}
              className={`compose-kind compose-kind--${k} ${draft.kind === k ? 'compose-kind--on' : ''}`}
              onClick={() => set({ kind: k })}
            >
              {NOTICE_KIND_LABELS[k]}
            </View>
          ))}
        </View>
        {errors.kind && <Text className="field__error">{errors.kind}</Text>}
      </View>

      <View className="card">
        <View className="field">
          <Text className="field__label">标题</Text>
          <Input
            className="input"
            value={draft.title}
            maxlength={40}
            placeholder="例如：近期冒充公检法诈骗高发"
            onInput={(e) => set({ title: e.detail.value })}
          />
          {errors.title && <Text className="field__error">{errors.title}</Text>}
        </View>
        <View className="field">
          <Text className="field__label">内容</Text>
          <Textarea
            className="compose-body"
            value={draft.body}
            maxlength={1000}
            placeholder="写清楚时间、地点和要注意的事"
            onInput={(e) => set({ body: e.detail.value })}
          />
          {errors.body && <Text className="field__error">{errors.body}</Text>}
        </View>
      </View>

      <BuildingChooser
        isOfficer={isOfficer}
        buildings={buildings}
        loadError={overview.error}
        value={draft.buildingIds}
        onChange={(buildingIds) => set({ buildingIds })}
        error={errors.buildingIds}
      />

      {failure && <View className="error-box">{failure}</View>}
      <BusyButton className="btn btn--primary compose-publish" busy={busy} onClick={() => void publish()}>
        发布通知
      </BusyButton>
    </View>
  )
}
