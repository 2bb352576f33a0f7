import { useEffect, useState } from 'react'
import { Button, Picker, Text, View } from '@tarojs/components'
import type { Me } from '@anju/shared'
import { getOfficerOverview, listCommunities } from '../../services/api'
import { messageOf } from '../../services/request'
import { listTicketCategories } from '../../services/workbench'
import { shortDate } from '../../utils/dates'

export interface WorkbenchFilters {
  categoryId?: number
  placeId?: number
  from?: string
  to?: string
}

interface Option {
  id: number
  name: string
}

/** The places a staff member may filter by: an officer's buildings, a desk's communities. */
export async function placeOptions(role: string, scope: Me['scope']): Promise<Option[]> {
  if (role === 'officer') {
    const overview = await getOfficerOverview()
    return overview.buildings.map((b) => ({ id: b.id, name: `${b.community} ${b.name}` }))
  }
  if (scope && scope.level !== 'district' && scope.level !== 'street') return [{ id: scope.id, name: scope.name }]
  const { items } = await listCommunities()
  // The list covers the city; a street's desk only needs its own communities.
  const mine = scope?.level === 'street' ? items.filter((c) => c.street === scope.name) : items
  return mine.map((c) => ({ id: c.id, name: scope?.level === 'street' ? c.name : `${c.street} ${c.name}` }))
}

interface Props {
  role: string
  scope: Me['scope']
  value: WorkbenchFilters
  onChange: (next: WorkbenchFilters) => void
}

/** 筛选: category, place in scope, and the date the ticket came in. */
export default function Filters({ role, scope, value, onChange }: Props) {
  const [categories, setCategories] = useState<Option[]>([])
  const [places, setPlaces] = useState<Option[]>([])
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    let live = true
    Promise.all([listTicketCategories(), placeOptions(role, scope)])
      .then(([cats, placeList]) => {
        if (!live) return
        setCategories(cats.items.map((c) => ({ id: c.id, name: c.name })))
        setPlaces(placeList)
      })
      .catch((err: unknown) => live && setError(messageOf(err)))
    return () => {
      live = false
    }
    // The scope object is rebuilt on every /api/me refresh; its fields say whether it changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [role, scope?.id, scope?.level, scope?.name])

  const categoryRange = ['全部类别', ...categories.map((c) => c.name)]
  const placeRange = ['全部地点', ...places.map((p) => p.name)]
  const categoryIndex = categories.findIndex((c) => c.id === value.categoryId) + 1
  const placeIndex = places.findIndex((p) => p.id === value.placeId) + 1
  const pick = (list: Option[], index: number) => (index > 0 ? list[index - 1]?.id : undefined)

  return (
    <View className="card wb-filters">
      {error && <Text className="field__error">{error}</Text>}
      <View className="field">
        <Text className="field__label">类别</Text>
        <Picker
          mode="selector"
          range={categoryRange}
          value={categoryIndex}
          onChange={(e) => onChange({ ...value, categoryId: pick(categories, Number(e.detail.value)) })}
        >
          <View className="picker-box">
            <Text>{categoryRange[categoryIndex]}</Text>
            <Text className="wb-change">选择</Text>
          </View>
        </Picker>
      </View>
      <View className="field">
        <Text className="field__label">地点</Text>
        <Picker
          mode="selector"
          range={placeRange}
          value={placeIndex}
          onChange={(e) => onChange({ ...value, placeId: pick(places, Number(e.detail.value)) })}
        >
          <View className="picker-box">
            <Text>{placeRange[placeIndex]}</Text>
            <Text className="wb-change">选择</Text>
          </View>
        </Picker>
      </View>
      <View className="field">
        <Text className="field__label">上报日期</Text>
        <View className="wb-dates">
          <Picker
            mode="date"
            value={value.from ?? ''}
            end={value.to}
            onChange={(e) => onChange({ ...value, from: String(e.detail.value) })}
          >
            <View className="picker-box wb-date">
              <Text>{value.from ? shortDate(value.from) : '开始日期'}</Text>
            </View>
          </Picker>
          <Text className="wb-dates__to">至</Text>
          <Picker
            mode="date"
            value={value.to ?? ''}
            start={value.from}
            onChange={(e) => onChange({ ...value, to: String(e.detail.value) })}
          >
            <View className="picker-box wb-date">
              <Text>{value.to ? shortDate(value.to) : '结束日期'}</Text>
            </View>
          </Picker>
        </View>
      </View>
      <Button className="btn btn--small" onClick={() => onChange({})}>
        清除筛选
      </Button>
    </View>
  )
}
