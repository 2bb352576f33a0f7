import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { MAX_TICKET_PHOTOS } from '@anju/shared'
import type { PhotoSlots } from './use-photo-slots'

/** 照片: up to nine, each uploaded as soon as it is chosen, with its own state and retry. */
export default function PhotoPicker({ photos, error }: { photos: PhotoSlots; error?: string }) {
  const { slots, room } = photos
  const preview = (src: string) => {
    const urls = slots.filter((s) => s.status === 'done').map((s) => s.src)
    void Promise.resolve(Taro.previewImage({ current: src, urls })).catch(() => undefined)
  }

  return (
    <View className="field">
      <Text className="field__label">
        照片（选填，{slots.length}/{MAX_TICKET_PHOTOS}）
      </Text>
      <View className="report-photos">
        {slots.map((slot) => (
          <View key={slot.key} className={`report-photo report-photo--${slot.status}`}>
            <View className="report-photo__frame">
              <Image
                className="report-photo__img"
                src={slot.src}
                mode="aspectFill"
                onClick={() => slot.status === 'done' && preview(slot.src)}
              />
              {slot.status === 'uploading' && <Text className="report-photo__state">上传中 {Math.round(slot.percent)}%</Text>}
              {slot.status === 'failed' && (
                <View className="report-photo__state report-photo__state--failed" onClick={() => photos.retry(slot.key)}>
                  <Text>上传失败</Text>
                  <Text className="report-photo__retry">点此重试</Text>
                </View>
              )}
            </View>
            <View className="report-photo__remove" aria-label="删除这张照片" onClick={() => photos.remove(slot.key)}>
              删除
            </View>
          </View>
        ))}
        {room > 0 && (
          <View className="report-photo__frame report-photo--add" onClick={() => void photos.add()}>
            <Text className="report-photo__plus">＋</Text>
            <Text>添加照片</Text>
          </View>
        )}
      </View>
      {room <= 0 && <Text className="report-hint">最多 {MAX_TICKET_PHOTOS} 张照片，已经满了</Text>}
      {slots.some((s) => s.status === 'failed') && <Text className="field__error">{slots.find((s) => s.status === 'failed')?.error}</Text>}
      {error && <Text className="field__error">{error}</Text>}
    </View>
  )
}
