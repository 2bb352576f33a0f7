import { Text, View } from '@tarojs/components'
import { REPORT_KINDS, TICKET_KIND_LABELS, type TicketCategory } from '@anju/shared'
import type { ReportKind } from '../../services/tickets'

const KIND_HINTS: Record<ReportKind, string> = {
  hazard: '消防、燃气用电、治安、高空坠物等',
  dispute: '邻里、家庭、物业、劳资等',
}

/** 隐患上报 / 矛盾纠纷 */
export function KindSwitch({ kind, onChange }: { kind: ReportKind; onChange: (kind: ReportKind) => void }) {
  return (
    <View className="report-kinds">
      {REPORT_KINDS.map((k) => (
        <View key={k} className={`report-kind ${k === kind ? 'report-kind--on' : ''}`} onClick={() => k !== kind && onChange(k)}>
          <Text className="report-kind__name">{TICKET_KIND_LABELS[k]}</Text>
          <Text className="report-kind__hint">{KIND_HINTS[k]}</Text>
        </View>
      ))}
    </View>
  )
}

interface ChipsProps {
  categories: TicketCategory[] | null
  error: string | null
  value: number | null
  onChange: (id: number) => void
  onRetry: () => void
  fieldError?: string
}

/** 问题类别, as the duty desk has set them up. */
export function CategoryChips({ categories, error, value, onChange, onRetry, fieldError }: ChipsProps) {
  return (
    <View className="field">
      <Text className="field__label">问题类别</Text>
      {error && (
        <View className="report-chips__error" onClick={onRetry}>
          <Text className="field__error">{error}</Text>
          <Text className="report-link">点此重新加载</Text>
        </View>
      )}
      {!categories && !error && <Text className="field__hint">正在加载类别…</Text>}
      <View className="report-chips">
        {categories?.map((c) => (
          <View key={c.id} className={`report-chip ${c.id === value ? 'report-chip--on' : ''}`} onClick={() => onChange(c.id)}>
            {c.name}
          </View>
        ))}
      </View>
      {fieldError && <Text className="field__error">{fieldError}</Text>}
    </View>
  )
}
