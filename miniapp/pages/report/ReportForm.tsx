import { useCallback, useEffect, useRef, useState } from 'react'
import { Input, Text, Textarea, View } from '@tarojs/components'
import {
  emergencySignals,
  MAX_DESCRIPTION_LENGTH,
  type CreateTicketInput,
  type Me,
  type SubscribeEvent,
  type TicketCategory,
  type TicketReceipt,
} from '@anju/shared'
import BusyButton from '../../components/BusyButton'
import EmergencyBanner from '../../components/EmergencyBanner'
import { ApiRequestError, messageOf } from '../../services/request'
import { askToSubscribe } from '../../services/subscribe'
import { listReportCategories, submitTicket, type ReportKind } from '../../services/tickets'
import { CategoryChips, KindSwitch } from './Choices'
import { clearDraft, draftHasContent, emptyDraft, loadDraft, saveDraft, type ReportDraft } from './draft'
import EmergencyConfirm from './EmergencyConfirm'
import LocationField from './LocationField'
import PhotoPicker from './PhotoPicker'
import { usePhotoSlots } from './use-photo-slots'
import { checkReport, type ReportField } from './validate'

export const SAVED_OFFLINE = '网络不佳，已为您保存草稿，请稍后重试'
const ANONYMOUS_NOTE = '匿名后，只有处理的民警能看到您的身份，不会对外提供'

interface Props {
  residence: NonNullable<Me['residence']>
  initialKind: ReportKind
  onSubmitted: (receipt: TicketReceipt) => void
}

function signalsOf(err: ApiRequestError, description: string): string[] {
  const signals = (err.details as { signals?: unknown } | undefined)?.signals
  return Array.isArray(signals) && signals.every((s) => typeof s === 'string') ? signals : emergencySignals(description)
}

/** 上报: what, where, photos, how to reach me; saved as a draft at every change. */
export default function ReportForm({ residence, initialKind, onSubmitted }: Props) {
  const [kind, setKind] = useState(initialKind)
  const [draft, setDraft] = useState<ReportDraft>(() => loadDraft(initialKind) ?? emptyDraft())
  const [categories, setCategories] = useState<TicketCategory[] | null>(null)
  const [categoryError, setCategoryError] = useState<string | null>(null)
  const [categoryAttempt, setCategoryAttempt] = useState(0)
  const [errors, setErrors] = useState<Partial<Record<ReportField, string>>>({})
  const [notice, setNotice] = useState<string | null>(null)
  const [emergency, setEmergency] = useState<string[] | null>(null)
  const [busy, setBusy] = useState(false)
  const draftRef = useRef(draft)
  const kindRef = useRef(kind)
  // Asked once per draft: a retried submit does not ask the resident again.
  const subscribedFor = useRef<{ clientKey: string; events: SubscribeEvent[] } | null>(null)

  const update = useCallback((patch: Partial<ReportDraft>) => {
    draftRef.current = { ...draftRef.current, ...patch }
    setDraft(draftRef.current)
    saveDraft(kindRef.current, draftRef.current)
  }, [])
  const photos = usePhotoSlots(draft.photos, (list) => update({ photos: list }))

  useEffect(() => {
    let live = true
    setCategories(null)
    setCategoryError(null)
    listReportCategories(kind)
      .then(({ items }) => {
        if (!live) return
        setCategories(items)
        const chosen = draftRef.current.categoryId
        if (chosen !== null && !items.some((c) => c.id === chosen)) update({ categoryId: null })
      })
      .catch((err: unknown) => live && setCategoryError(messageOf(err)))
    return () => {
      live = false
    }
  }, [kind, categoryAttempt, update])

  /** Each kind keeps its own draft; what was written so far moves along when the other has none. */
  function switchKind(next: ReportKind) {
    const saved = loadDraft(next)
    const current = draftRef.current
    let target = saved ?? emptyDraft()
    if ((!saved || !draftHasContent(saved)) && draftHasContent(current)) {
      target = { ...current, categoryId: null }
      clearDraft(kindRef.current)
    }
    kindRef.current = next
    draftRef.current = target
    setKind(next)
    setDraft(target)
    saveDraft(next, target)
    photos.reset(target.photos)
    setErrors({})
    setNotice(null)
  }

  function check() {
    const result = checkReport(kindRef.current, draftRef.current, photos.slots, residence.building.id)
    setErrors(result.ok ? {} : result.errors)
    setNotice(result.ok ? null : '请按红字提示修改后再提交')
    return result
  }

  function onSubmit() {
    if (busy) return
    const result = check()
    if (!result.ok) return
    const signals = emergencySignals(result.input.description)
    if (signals.length > 0) setEmergency(signals)
    else void send(result.input, false)
  }

  function onEmergencyContinue() {
    setEmergency(null)
    const result = check()
    if (result.ok) void send(result.input, true)
  }

  async function send(input: CreateTicketInput, emergencyAcknowledged: boolean) {
    setBusy(true)
    setNotice(null)
    // First thing after the tap: WeChat shows the subscribe dialog only in answer to one.
    const asked = subscribedFor.current
    const subscribed = asked?.clientKey === input.clientKey ? asked.events : await askToSubscribe()
    subscribedFor.current = { clientKey: input.clientKey, events: subscribed }
    try {
      const receipt = await submitTicket({ ...input, emergencyAcknowledged, subscribed })
      clearDraft(kindRef.current)
      onSubmitted(receipt)
    } catch (err) {
      if (err instanceof ApiRequestError && err.code === 'emergency_confirm_required') {
        setEmergency(signalsOf(err, input.description))
      } else if (err instanceof ApiRequestError && (err.status === 0 || err.status >= 500)) {
        // The draft is kept either way; a busy server (503) says why in its own words, which are
        // truer than "网络不佳" and safe to show.
        setNotice(err.status === 0 || err.code === 'http_error' ? SAVED_OFFLINE : `${err.message}（草稿已保存）`)
      } else {
        setNotice(messageOf(err))
      }
    } finally {
      setBusy(false)
    }
  }

  const buildingText = [residence.building.community, residence.building.name, residence.unit?.name].filter(Boolean).join(' · ')
  return (
    <View>
      <EmergencyBanner />
      <KindSwitch kind={kind} onChange={switchKind} />
      <View className="card">
        <CategoryChips
          categories={categories}
          error={categoryError}
          value={draft.categoryId}
          onChange={(categoryId) => update({ categoryId })}
          onRetry={() => setCategoryAttempt((n) => n + 1)}
          fieldError={errors.categoryId}
        />
        <View className="field">
          <Text className="field__label">情况描述</Text>
          {/* The native textarea would draw over the 110 dialog; show the words as text meanwhile. */}
          {emergency ? (
            <View className="report-textarea">{draft.description}</View>
          ) : (
            <Textarea
              className="report-textarea"
              value={draft.description}
              maxlength={MAX_DESCRIPTION_LENGTH}
              placeholder="请写清楚发生了什么、在哪里、从什么时候开始"
              onInput={(e) => update({ description: e.detail.value })}
            />
          )}
          <Text className="report-counter">
            {draft.description.length}/{MAX_DESCRIPTION_LENGTH}
          </Text>
          {errors.description && <Text className="field__error">{errors.description}</Text>}
        </View>
        <PhotoPicker photos={photos} error={errors.photoIds} />
        <LocationField buildingText={buildingText} location={draft.location} onChange={(location) => update({ location })} />
      </View>

      <View className="card">
        <View className="field">
          <Text className="field__label">联系电话（选填）</Text>
          <Input
            className="input"
            type="number"
            maxlength={13}
            value={draft.contactPhone}
            placeholder="手机号或座机号"
            onInput={(e) => update({ contactPhone: e.detail.value })}
          />
          <Text className="report-hint">留下电话，民警可以回电向您了解情况</Text>
          {errors.contactPhone && <Text className="field__error">{errors.contactPhone}</Text>}
        </View>
        <View
          className={`report-toggle ${draft.anonymous ? 'report-toggle--on' : ''}`}
          role="switch"
          aria-checked={draft.anonymous}
          onClick={() => update({ anonymous: !draft.anonymous })}
        >
          <Text className="report-toggle__label">匿名反映</Text>
          <View className="report-toggle__track">
            <Text className="report-toggle__state">{draft.anonymous ? '已开启' : '未开启'}</Text>
            <View className="report-toggle__knob" />
          </View>
        </View>
        <Text className="report-hint">{ANONYMOUS_NOTE}</Text>
      </View>

      {notice && <View className="error-box">{notice}</View>}
      {errors.clientKey && <View className="error-box">{errors.clientKey}</View>}
      <BusyButton className="btn btn--primary report-submit" busy={busy} onClick={onSubmit}>
        提交
      </BusyButton>
      <Text className="report-saved">填写的内容会自动保存在本机，提交成功后清除</Text>

      {emergency && <EmergencyConfirm signals={emergency} onContinue={onEmergencyContinue} onClose={() => setEmergency(null)} />}
    </View>
  )
}
