import { useState } from 'react'
import { Button, Text, Textarea, View } from '@tarojs/components'
import { TICKET_ACTION_LABELS, type TicketDetail } from '@anju/shared'
import BusyButton from '../BusyButton'
import { DepartmentChooser, OfficerChooser, TwoWay } from './Choosers'
import { FORMS, draftToInput, emptyDraft, type Draft, type PanelAction } from './draft'
import PhotoPicker from './PhotoPicker'

interface Props {
  action: PanelAction
  ticket: TicketDetail
  /** Validates and sends; resolves to a message to show, or null when done. */
  onSubmit: (input: Record<string, unknown>) => Promise<string | null>
  onCancel: () => void
}

/** The small form behind one action button. */
export default function ActionForm({ action, ticket, onSubmit, onCancel }: Props) {
  const spec = FORMS[action]
  const [draft, setDraft] = useState<Draft>(emptyDraft)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }))

  async function submit() {
    setBusy(true)
    setError(null)
    const message = await onSubmit(draftToInput(action, draft))
    // On success the panel closes this form; only a refusal comes back here.
    if (message) {
      setError(message)
      setBusy(false)
    }
  }

  return (
    <View className="sa-form">
      <Text className="sa-form__title">{TICKET_ACTION_LABELS[action]}</Text>
      {spec.choose === 'officer' && (
        <View className="field">
          <Text className="field__label">{action === 'assign' ? '派发给' : '流转给'}</Text>
          <OfficerChooser
            ticketId={ticket.id}
            exclude={ticket.handler?.userId}
            value={draft.officerUserId}
            onChange={(id) => set({ officerUserId: id })}
          />
        </View>
      )}
      {spec.choose === 'department' && (
        <View className="field">
          <Text className="field__label">吹哨部门</Text>
          <DepartmentChooser value={draft.departmentId} onChange={(id) => set({ departmentId: id })} />
        </View>
      )}
      {spec.choose === 'outcome' && (
        <View className="field">
          <Text className="field__label">回访结果</Text>
          <TwoWay
            options={[
              { value: 'reached', label: '已联系上' },
              { value: 'unreachable', label: '未联系上' },
            ]}
            value={draft.outcome}
            onChange={(outcome) => set({ outcome })}
          />
        </View>
      )}
      {spec.visibility && (
        <View className="field">
          <Text className="field__label">谁能看到</Text>
          <TwoWay
            options={[
              { value: 'internal', label: '内部（仅工作人员）' },
              { value: 'public', label: '公开（居民可见）' },
            ]}
            value={draft.visibility}
            onChange={(visibility) => set({ visibility })}
          />
        </View>
      )}
      <View className="field">
        <Text className="field__label">{spec.textLabel}</Text>
        <Textarea
          className="sa-form__text"
          value={draft.text}
          placeholder={spec.placeholder}
          maxlength={500}
          onInput={(e) => set({ text: e.detail.value })}
        />
      </View>
      {spec.photos && <PhotoPicker onChange={(photoIds) => set({ photoIds })} />}
      {error && <View className="error-box">{error}</View>}
      <View className="sa-form__buttons">
        <Button className="btn sa-form__cancel" onClick={onCancel}>
          取消
        </Button>
        <BusyButton
          className={`btn ${action === 'reject' ? 'btn--danger' : 'btn--primary'} sa-form__confirm`}
          busy={busy}
          onClick={() => void submit()}
        >
          {spec.confirm}
        </BusyButton>
      </View>
    </View>
  )
}
