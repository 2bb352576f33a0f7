import { useState } from 'react'
import { Button, Text, Textarea, View } from '@tarojs/components'
import { MESSAGE_MAX_CHARS } from '@anju/shared'
import { CannedChips } from './CannedReplies'

interface Props {
  /** Staff get their 常用语 above the box; null while loading or for residents. */
  replies: string[] | null
  onEditReplies: () => void
  /** Null when the text went on its way; otherwise why not. */
  onSendText: (text: string) => string | null
  onSendImage: () => void
}

/** The input bar: a large box, 发送, and 图片. */
export default function Composer({ replies, onEditReplies, onSendText, onSendImage }: Props) {
  const [text, setText] = useState('')
  const [error, setError] = useState<string | null>(null)

  function send() {
    const problem = onSendText(text)
    setError(problem)
    if (!problem) setText('')
  }

  return (
    <View className="chat-compose">
      {replies && (
        <CannedChips replies={replies} onPick={(reply) => setText((t) => (t.trim() ? `${t}${reply}` : reply))} onEdit={onEditReplies} />
      )}
      {error && <Text className="field__error chat-compose__error">{error}</Text>}
      <View className="chat-compose__bar">
        <Button className="btn btn--small chat-compose__image" onClick={onSendImage}>
          图片
        </Button>
        <Textarea
          className="chat-compose__input"
          value={text}
          placeholder="请输入要说的话"
          maxlength={MESSAGE_MAX_CHARS}
          autoHeight
          cursorSpacing={24}
          onInput={(e) => setText(e.detail.value)}
        />
        <Button className="btn btn--primary btn--small chat-compose__send" onClick={send}>
          发送
        </Button>
      </View>
    </View>
  )
}
