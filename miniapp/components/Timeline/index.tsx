import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { TicketEvent } from '@anju/shared'
import { resolveAssetUrl } from '../../utils/asset-url'
import { formatBeijingDateTime } from '../../utils/time'
import './index.scss'

const at = (event: TicketEvent) => new Date(event.createdAt).getTime()

function preview(current: string, urls: string[]) {
  void Promise.resolve(Taro.previewImage({ current, urls })).catch(() => undefined)
}

/** 办理进度: every step of a ticket, newest first, with who did it and when (Beijing time). */
export default function Timeline({ events }: { events: TicketEvent[] }) {
  if (events.length === 0) return <Text className="timeline__empty">暂无办理记录</Text>
  const ordered = [...events].sort((a, b) => at(b) - at(a) || b.id - a.id)
  return (
    <View className="timeline">
      {ordered.map((event, index) => {
        const urls = event.photos.map((p) => resolveAssetUrl(p.url))
        return (
          <View key={event.id} className={`timeline__item ${index === 0 ? 'timeline__item--latest' : ''}`}>
            <View className="timeline__dot" />
            <View className="timeline__body">
              <View className="timeline__head">
                <Text className="timeline__action">{event.actionText}</Text>
                {event.visibility === 'internal' && <Text className="timeline__internal">内部</Text>}
              </View>
              <Text className="timeline__meta">
                {event.actorText} · {formatBeijingDateTime(event.createdAt)}
              </Text>
              {event.note && <Text className="timeline__note">{event.note}</Text>}
              {urls.length > 0 && (
                <View className="timeline__photos">
                  {urls.map((url) => (
                    <Image key={url} className="timeline__photo" src={url} mode="aspectFill" onClick={() => preview(url, urls)} />
                  ))}
                </View>
              )}
            </View>
          </View>
        )
      })}
    </View>
  )
}
