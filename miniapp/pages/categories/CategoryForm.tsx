import { useState } from 'react'
import { Button, Input, Picker, Text, View } from '@tarojs/components'
import { TICKET_KIND_LABELS, type TicketCategory, type TicketCategoryInput } from '@anju/shared'
import BusyButton from '../../components/BusyButton'
import { TwoWay } from '../../components/StaffActions/Choosers'
import { checkCategory, draftOf, SPAN_FIELDS, SPAN_LABELS, TIME_UNITS, type CategoryDraft, type SpanField } from './form'

interface Props {
  category: TicketCategory | null
  /** Saves; resolves to a message to show, or null when saved. */
  onSave: (input: TicketCategoryInput) => Promise<string | null>
  onCancel: () => void
}

const UNIT_LABELS = TIME_UNITS.map((u) => u.label)

/** 新增 / 修改问题类别: its routing and its time limits. */
export default function CategoryForm({ category, onSave, onCancel }: Props) {
  const [draft, setDraft] = useState<CategoryDraft>(() => draftOf(category))
  const [errors, setErrors] = useState<Partial<Record<keyof CategoryDraft, string>>>({})
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const set = (patch: Partial<CategoryDraft>) => setDraft((d) => ({ ...d, ...patch }))

  async function save() {
    const check = checkCategory(draft)
    if (!check.ok) {
      setErrors(check.errors)
      setError('请按提示修改后再保存')
      return
    }
    setErrors({})
    setError(null)
    setBusy(true)
    const message = await onSave(check.input)
    if (message) {
      setError(message)
      setBusy(false)
    }
  }

  const spanField = (field: SpanField) => (
    <View key={field} className="field">
      <Text className="field__label">{SPAN_LABELS[field]}</Text>
      <View className="cat-span">
        <Input
          className="input cat-span__amount"
          type="digit"
          aria-label={SPAN_LABELS[field]}
          value={draft[field].amount}
          onInput={(e) => set({ [field]: { ...draft[field], amount: e.detail.value } })}
        />
        <Picker
          mode="selector"
          range={UNIT_LABELS}
          value={draft[field].unit}
          onChange={(e) => set({ [field]: { ...draft[field], unit: Number(e.detail.value) } })}
        >
          <View className="picker-box cat-span__unit">{UNIT_LABELS[draft[field].unit]}</View>
        </Picker>
      </View>
      {errors[field] && <Text className="field__error">{errors[field]}</Text>}
    </View>
  )

  return (
    <View className="card">
      <Text className="section-title">{category ? `修改：${category.name}` : '新增类别'}</Text>
      <View className="field">
        <Text className="field__label">类型</Text>
        <TwoWay
          options={(['hazard', 'dispute'] as const).map((k) => ({ value: k, label: TICKET_KIND_LABELS[k] }))}
          value={draft.kind}
          onChange={(kind) => set({ kind })}
        />
      </View>
      <View className="field">
        <Text className="field__label">名称</Text>
        <Input
          className="input"
          aria-label="名称"
          value={draft.name}
          placeholder="如：燃气用电"
          maxlength={20}
          onInput={(e) => set({ name: e.detail.value })}
        />
        {errors.name && <Text className="field__error">{errors.name}</Text>}
      </View>
      <View className="field">
        <Text className="field__label">先派给</Text>
        <TwoWay
          options={[
            { value: 'building_lead', label: '楼长民警' },
            { value: 'duty_desk', label: '值班台' },
          ]}
          value={draft.routeTo}
          onChange={(routeTo) => set({ routeTo })}
        />
      </View>
      <View className="field">
        <Text className="field__label">同时提醒值班台</Text>
        <TwoWay
          options={[
            { value: 'yes', label: '提醒' },
            { value: 'no', label: '不提醒' },
          ]}
          value={draft.alertDesk ? 'yes' : 'no'}
          onChange={(v) => set({ alertDesk: v === 'yes' })}
        />
      </View>
      {SPAN_FIELDS.map(spanField)}
      <View className="field">
        <Text className="field__label">预警比例（%）</Text>
        <Input
          className="input"
          type="number"
          aria-label="预警比例"
          value={draft.warnAtPercent}
          onInput={(e) => set({ warnAtPercent: e.detail.value })}
        />
        <Text className="field__hint">时限过去这么多时提前预警，50–95</Text>
        {errors.warnAtPercent && <Text className="field__error">{errors.warnAtPercent}</Text>}
      </View>
      <View className="field">
        <Text className="field__label">排序（小的在前）</Text>
        <Input
          className="input"
          type="number"
          aria-label="排序"
          value={draft.sortOrder}
          onInput={(e) => set({ sortOrder: e.detail.value })}
        />
        {errors.sortOrder && <Text className="field__error">{errors.sortOrder}</Text>}
      </View>
      <View className="field">
        <Text className="field__label">状态</Text>
        <TwoWay
          options={[
            { value: 'on', label: '启用' },
            { value: 'off', label: '停用' },
          ]}
          value={draft.active ? 'on' : 'off'}
          onChange={(v) => set({ active: v === 'on' })}
        />
      </View>
      {error && <View className="error-box">{error}</View>}
      <View className="cat-buttons">
        <Button className="btn cat-buttons__cancel" onClick={onCancel}>
          取消
        </Button>
        <BusyButton className="btn btn--primary cat-buttons__save" busy={busy} onClick={() => void save()}>
          保存
        </BusyButton>
      </View>
    </View>
  )
}
