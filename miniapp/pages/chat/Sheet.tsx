import type { ReactNode } from 'react'
import { Button, Text, View } from '@tarojs/components'

/** A panel over the conversation (常用语, 转为工单), closed by 取消 or a tap outside. */
export default function Sheet({ title, onClose, children }: { title: string; onClose: () => void; children: ReactNode }) {
  return (
    <View className="chat-sheet">
      <View className="chat-sheet__mask" onClick={onClose} />
      <View className="chat-sheet__panel">
        <Text className="section-title">{title}</Text>
        {children}
        <Button className="btn chat-sheet__cancel" onClick={onClose}>
          取消
        </Button>
      </View>
    </View>
  )
}
