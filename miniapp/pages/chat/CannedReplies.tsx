import { useState } from 'react'
import { Button, ScrollView, Text, Textarea, View } from '@tarojs/components'
import { CANNED_REPLY_MAX, cannedRepliesSchema } from '@anju/shared'
import BusyButton from '../../components/BusyButton'
import { saveCannedReplies } from '../../services/messages'
import { messageOf } from '../../services/request'
import Sheet from './Sheet'

/** 常用语 above the input: a tap puts the reply in the box, to send as is or change first. */
export function CannedChips({ replies, onPick, onEdit }: { replies: string[]; onPick: (reply: string) => void; onEdit: () => void }) {
  return (
    <ScrollView className="chat-canned" scrollX>
      {/* First, where it is seen: the replies run off to the right. */}
      <View className="chat-canned__chip chat-canned__chip--edit" onClick={onEdit}>
        编辑常用语
      </View>
      {replies.map((reply) => (
        <View key={reply} className="chat-canned__chip" onClick={() => onPick(reply)}>
          {reply}
        </View>
      ))}
    </ScrollView>
  )
}

interface EditorProps {
  replies: string[]
  onSaved: (replies: string[]) => void
  onClose: () => void
}

/** 编辑常用语: the whole list is saved at once; blank lines are dropped. */
export function CannedEditor({ replies, onSaved, onClose }: EditorProps) {
  const [items, setItems] = useState(replies)
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const set = (index: number, value: string) => setItems((list) => list.map((r, i) => (i === index ? value : r)))

  async function save() {
    const parsed = cannedRepliesSchema.safeParse({ items: items.map((r) => r.trim()).filter(Boolean) })
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? '常用语有误，请检查')
    setSaving(true)
    setError(null)
    try {
      onSaved((await saveCannedReplies(parsed.data.items)).items)
    } catch (err) {
      setError(messageOf(err))
    } finally {
      setSaving(false)
    }
  }

  return (
    <Sheet title="编辑常用语" onClose={onClose}>
      {items.map((reply, index) => (
        <View key={index} className="chat-canned-edit">
          <Textarea
            className="chat-canned-edit__text"
            value={reply}
            maxlength={200}
            autoHeight
            onInput={(e) => set(index, e.detail.value)}
          />
          <Button className="btn btn--small btn--danger" onClick={() => setItems((list) => list.filter((_, i) => i !== index))}>
            删除
          </Button>
        </View>
      ))}
      {items.length < CANNED_REPLY_MAX && (
        <Button className="btn chat-canned-edit__add" onClick={() => setItems((list) => [...list, ''])}>
          添加一条
        </Button>
      )}
      {error && <Text className="field__error">{error}</Text>}
      <BusyButton className="btn btn--primary chat-canned-edit__save" busy={saving} onClick={() => void save()}>
        保存常用语
      </BusyButton>
    </Sheet>
  )
}
