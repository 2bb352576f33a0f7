import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import type { BindResidenceInput, BuildingSummary } from '@anju/shared'
import BusyButton from '../../components/BusyButton'
import { buildingTitle, checkBinding } from './validate'

interface Props {
  building: BuildingSummary
  saving: boolean
  onConfirm: (input: BindResidenceInput) => void
  onCancel: () => void
}

/** The chosen building: pick the unit (optional), then confirm. */
export default function ConfirmPanel({ building, saving, onConfirm, onCancel }: Props) {
  const [unitId, setUnitId] = useState<number | null>(null)
  const [error, setError] = useState<string | null>(null)

  function confirm() {
    const check = checkBinding(building, unitId)
    if (!check.ok) {
      setError(check.message)
      return
    }
    setError(null)
    onConfirm(check.input)
  }

  return (
    <View className="card bind__confirm">
      <Text className="bind__chosen-label">您选择的楼栋</Text>
      <Text className="bind__chosen">{buildingTitle(building)}</Text>
      <Text className="bind__chosen-sub">
        {building.district} {building.street}
        {building.address ? ` · ${building.address}` : ''}
      </Text>

      {building.units.length > 0 ? (
        <View>
          <Text className="field__label">选择单元</Text>
          <Text className="field__hint">不清楚是几单元，可以不选</Text>
          <View className="bind__units">
            {building.units.map((unit) => (
              <View
                key={unit.id}
                className={`bind__unit ${unitId === unit.id ? 'bind__unit--on' : ''}`}
                onClick={() => {
                  // Tapping the chosen unit again clears the choice.
                  setUnitId(unitId === unit.id ? null : unit.id)
                  setError(null)
                }}
              >
                {unit.name}
              </View>
            ))}
          </View>
        </View>
      ) : (
        <Text className="bind__chosen-sub">该楼栋不分单元</Text>
      )}

      {error && <View className="error-box">{error}</View>}

      <BusyButton className="btn btn--primary" busy={saving} onClick={confirm}>
        {`确认绑定到 ${buildingTitle(building)}`}
      </BusyButton>
      <Button className="btn" onClick={onCancel}>
        重新选择
      </Button>
    </View>
  )
}
