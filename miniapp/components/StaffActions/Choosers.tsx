import { Text, View } from '@tarojs/components'
import type { Department } from '@anju/shared'
import { listAssignees, listDepartments, type Assignee } from '../../services/workbench'
import { useRemote } from '../../utils/use-remote'

interface ChoiceProps {
  selected: boolean
  onPick: () => void
  title: string
  sub?: string
  badge?: { text: string; on: boolean }
}

/** One choice in a list: a whole row to tap, with a clear mark when chosen. */
function Choice({ selected, onPick, title, sub, badge }: ChoiceProps) {
  return (
    <View className={`sa-choice ${selected ? 'sa-choice--on' : ''}`} onClick={onPick} aria-selected={selected}>
      <View className="list-row__main">
        <Text className="sa-choice__title">{title}</Text>
        {sub && <Text className="sa-choice__sub">{sub}</Text>}
      </View>
      {badge && <Text className={`badge ${badge.on ? 'badge--on' : 'badge--off'}`}>{badge.text}</Text>}
      {selected && <Text className="sa-choice__mark">已选</Text>}
    </View>
  )
}

/** The officers who can take the ticket (on duty first), without the one who has it now. */
export function OfficerChooser({
  ticketId,
  exclude,
  value,
  onChange,
}: {
  ticketId: number
  exclude?: number
  value?: number
  onChange: (id: number) => void
}) {
  const officers = useRemote(() => listAssignees(ticketId), ticketId)
  if (officers.error) return <Text className="field__error">{officers.error}</Text>
  if (!officers.data) return <Text className="text-soft">正在加载民警名单…</Text>
  const items = officers.data.items.filter((o: Assignee) => o.userId !== exclude)
  if (items.length === 0) return <Text className="text-soft">附近没有可以接手的楼长民警，请升级到值班台。</Text>
  return (
    <View className="sa-choices">
      {items.map((o) => (
        <Choice
          key={o.userId}
          selected={value === o.userId}
          onPick={() => onChange(o.userId)}
          title={o.name}
          sub={`警号 ${o.policeNumber} · 负责 ${o.buildings} 栋`}
          badge={{ text: o.onDuty ? '在岗' : '休息', on: o.onDuty }}
        />
      ))}
    </View>
  )
}

export function DepartmentChooser({ value, onChange }: { value?: number; onChange: (id: number) => void }) {
  const departments = useRemote(listDepartments, 'departments')
  if (departments.error) return <Text className="field__error">{departments.error}</Text>
  if (!departments.data) return <Text className="text-soft">正在加载部门…</Text>
  if (departments.data.items.length === 0) return <Text className="text-soft">还没有可以吹哨的部门。</Text>
  return (
    <View className="sa-choices">
      {departments.data.items.map((d: Department) => (
        <Choice
          key={d.id}
          selected={value === d.id}
          onPick={() => onChange(d.id)}
          title={d.name}
          sub={d.phone ? `电话 ${d.phone}` : undefined}
        />
      ))}
    </View>
  )
}

/** Two big buttons side by side, one chosen. */
export function TwoWay<T extends string>({
  options,
  value,
  onChange,
}: {
  options: Array<{ value: T; label: string }>
  value?: T
  onChange: (v: T) => void
}) {
  return (
    <View className="sa-two">
      {options.map((o) => (
        <View
          key={o.value}
          className={`sa-two__item ${value === o.value ? 'sa-two__item--on' : ''}`}
          onClick={() => onChange(o.value)}
          aria-selected={value === o.value}
        >
          <Text>{o.label}</Text>
        </View>
      ))}
    </View>
  )
}
