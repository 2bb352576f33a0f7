import { useState } from 'react'
import { Button, Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { MAX_TICKET_PHOTOS, type Photo } from '@anju/shared'
import { messageOf } from '../../services/request'
import { uploadReportPhoto } from '../../services/tickets'
import { resolveAssetUrl } from '../../utils/asset-url'
import { newClientKey } from '../../utils/client-key'

/** 现场照片: choose, upload one by one, remove. The form keeps only the ids. */
export default function PhotoPicker({ onChange }: { onChange: (ids: number[]) => void }) {
  const [photos, setPhotos] = useState<Photo[]>([])
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  function update(next: Photo[]) {
    setPhotos(next)
    onChange(next.map((p) => p.id))
  }

  async function add() {
    let paths: string[]
    try {
      const chosen = await Taro.chooseImage({
        count: MAX_TICKET_PHOTOS - photos.length,
        sizeType: ['compressed'],
        sourceType: ['camera', 'album'],
      })
      paths = chosen.tempFilePaths
    } catch {
      return // cancelled
    }
    setBusy(true)
    setError(null)
    let next = photos
    try {
      for (const path of paths) {
        // Each chosen file is one upload; choosing again is a new one.
        next = [...next, await uploadReportPhoto(path, newClientKey())]
        update(next)
      }
    } catch (err) {
      setError(messageOf(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className="field">
      <Text className="field__label">现场照片（可不传，最多 {MAX_TICKET_PHOTOS} 张）</Text>
      <View className="sa-photos">
        {photos.map((p) => (
          <View key={p.id} className="sa-photos__item">
            <Image className="sa-photos__img" src={resolveAssetUrl(p.url)} mode="aspectFill" />
            <Text className="sa-photos__remove" onClick={() => update(photos.filter((x) => x.id !== p.id))}>
              删除
            </Text>
          </View>
        ))}
      </View>
      {error && <Text className="field__error">{error}</Text>}
      {photos.length < MAX_TICKET_PHOTOS && (
        <Button className="btn btn--small" loading={busy || undefined} disabled={busy || undefined} onClick={() => void add()}>
          {busy ? '正在上传…' : '添加照片'}
        </Button>
      )}
    </View>
  )
}
