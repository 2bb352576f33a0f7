import { Text, View } from '@tarojs/components'
import type { OfficerOverview } from '@anju/shared'

interface Props {
  /** Officers choose among the buildings they lead; a duty desk posts to all it covers. */
  isOfficer: boolean
  buildings: OfficerOverview['buildings']
  loadError: string | null
  value: 'all' | number[]
  onChange: (value: 'all' | number[]) => void
  error?: string
}

function toggle(value: 'all' | number[], id: number): number[] {
  const chosen = value === 'all' ? [] : value
  return chosen.includes(id) ? chosen.filter((b) => b !== id) : [...chosen, id]
}

/** 发送范围: 全部楼栋, or the buildings ticked one by one. */
export default function BuildingChooser({ isOfficer, buildings, loadError, value, onChange, error }: Props) {
  return (
    <View className="card">
      <Text className="field__label">发送范围</Text>
      <View className={`compose-option ${value === 'all' ? 'compose-option--on' : ''}`} onClick={() => onChange('all')}>
        <Text className="compose-option__box">{value === 'all' ? '✓' : ''}</Text>
        <Text>{isOfficer ? `我负责的全部楼栋（${buildings.length} 栋）` : '值班台管辖的全部楼栋'}</Text>
      </View>
      {isOfficer && loadError && <Text className="field__error">{loadError}</Text>}
      {isOfficer &&
        buildings.map((b) => {
          const on = value !== 'all' && value.includes(b.id)
          return (
            <View key={b.id} className={`compose-option ${on ? 'compose-option--on' : ''}`} onClick={() => onChange(toggle(value, b.id))}>
              <Text className="compose-option__box">{on ? '✓' : ''}</Text>
              <Text>
                {b.community} {b.name}（{b.residents} 户）
              </Text>
            </View>
          )
        })}
      {error && <Text className="field__error">{error}</Text>}
    </View>
  )
}
