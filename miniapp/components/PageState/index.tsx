import { Button, Text, View } from '@tarojs/components'
import './index.scss'

export function Loading({ text = '正在加载…' }: { text?: string }) {
  return (
    <View className="page-state">
      <Text className="page-state__text">{text}</Text>
    </View>
  )
}

export function LoadError({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <View className="page-state">
      <Text className="page-state__text page-state__text--error">{message}</Text>
      {onRetry && (
        <Button className="btn btn--small page-state__retry" onClick={onRetry}>
          重新加载
        </Button>
      )}
    </View>
  )
}
