import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { DraftLocation } from './draft'

interface Props {
  /** The resident's bound building, in words: the default place of a report. */
  buildingText: string
  location: DraftLocation
  onChange: (location: DraftLocation) => void
}

const isCancel = (err: unknown) => /cancel/i.test(String((err as { errMsg?: string } | null)?.errMsg ?? ''))

/** 位置: the bound building, or a point chosen on the map. */
export default function LocationField({ buildingText, location, onChange }: Props) {
  const [note, setNote] = useState<string | null>(null)

  async function choose() {
    setNote(null)
    try {
      const res = await Taro.chooseLocation({})
      const address = (res.name || res.address || '').trim().slice(0, 120)
      if (!address || typeof res.latitude !== 'number') return
      onChange({ type: 'pin', latitude: res.latitude, longitude: res.longitude, address })
    } catch (err) {
      if (isCancel(err)) return
      // H5 has no map picker, and the resident may have refused location access.
      setNote('当前无法打开地图选点，仍按您绑定的楼栋上报。如在别处，请在描述里写明具体位置。')
    }
  }

  return (
    <View className="field">
      <Text className="field__label">问题位置</Text>
      <View className="report-location">
        <Text className="report-location__text">{location.type === 'pin' ? location.address : buildingText}</Text>
        {location.type === 'building' && <Text className="field__hint">默认为您绑定的楼栋</Text>}
      </View>
      <View className="report-location__actions">
        <Button className="btn btn--small" onClick={() => void choose()}>
          选择其他位置
        </Button>
        {location.type === 'pin' && (
          <Button className="btn btn--small" onClick={() => onChange({ type: 'building' })}>
            改回我的楼栋
          </Button>
        )}
      </View>
      {note && <Text className="report-hint">{note}</Text>}
    </View>
  )
}
