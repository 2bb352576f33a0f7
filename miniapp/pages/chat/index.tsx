import { useEffect, useState } from 'react'
import { ScrollView, Text, View } from '@tarojs/components'
import Taro, { useDidHide, useDidShow, useLoad, useRouter } from '@tarojs/taro'
import { DEFAULT_CANNED_REPLIES, type ConversationSummary } from '@anju/shared'
import ChatBubble from '../../components/ChatBubble'
import { chatTime, needsTimeLine } from '../../components/ChatBubble/time'
import { LoadError, Loading } from '../../components/PageState'
import { fetchCannedReplies, markConversationHandled } from '../../services/messages'
import { messageOf } from '../../services/request'
import { ticketPageUrl } from '../../services/tickets'
import { requireLogin, useSession } from '../../stores/session'
import ChatHeader from './ChatHeader'
import { CannedEditor } from './CannedReplies'
import Composer from './Composer'
import ConvertSheet from './ConvertSheet'
import { chatRows, type ChatRow } from './rows'
import { useConversation, type ConversationFeed } from './use-conversation'
import { useOutbox } from './use-outbox'
import './index.scss'

interface ScrollTarget {
  id: string
  align: 'start' | 'end'
}

/** Staff only: their 常用语, the shared defaults until (or if) the server answers. */
function useCannedReplies(staff: boolean): [string[] | null, (next: string[]) => void] {
  const [replies, setReplies] = useState<string[] | null>(null)
  useEffect(() => {
    if (!staff) return
    let live = true
    fetchCannedReplies()
      .then((r) => live && setReplies(r.items))
      .catch(() => live && setReplies([...DEFAULT_CANNED_REPLIES]))
    return () => {
      live = false
    }
  }, [staff])
  return [replies, setReplies]
}

function useHandledToggle(id: number, feed: ConversationFeed): [boolean, () => void] {
  const [busy, setBusy] = useState(false)
  async function toggle() {
    const detail = feed.detail
    if (!detail) return
    setBusy(true)
    try {
      const summary: ConversationSummary = await markConversationHandled(id, !detail.handled)
      feed.setDetail({ ...detail, ...summary })
    } catch (err) {
      void Taro.showToast({ title: messageOf(err), icon: 'none' })
    } finally {
      setBusy(false)
    }
  }
  return [busy, () => void toggle()]
}

function Rows({
  rows,
  prefix,
  staff,
  onRetry,
  onConvert,
}: {
  rows: ChatRow[]
  prefix: string
  staff: boolean
  onRetry: (clientId: string) => void
  onConvert: (row: ChatRow) => void
}) {
  return (
    <View>
      {rows.map((row, i) => {
        const { clientId } = row
        return (
          <View key={row.key} id={`${prefix}${row.key}`}>
            {needsTimeLine(rows[i - 1]?.at, row.at) && <Text className="chat-time">{chatTime(row.at)}</Text>}
            <ChatBubble
              message={row.message}
              own={row.own}
              state={row.state}
              staffView={staff}
              onRetry={clientId ? () => onRetry(clientId) : undefined}
              onConvert={row.seq !== null ? () => onConvert(row) : undefined}
            />
          </View>
        )
      })}
    </View>
  )
}

/** 留言 (?id=): the conversation between a resident and their officer (or the duty desk). */
export default function ChatPage() {
  const id = Number(useRouter().params.id)
  const { user } = useSession()
  const [visible, setVisible] = useState(true)
  const [scroll, setScroll] = useState<ScrollTarget>({ id: '', align: 'end' })
  const [converting, setConverting] = useState<ChatRow | null>(null)
  const [editingReplies, setEditingReplies] = useState(false)
  const feed = useConversation(id, visible)
  const staff = feed.detail !== null && feed.detail.viewerSide !== 'resident'
  const outbox = useOutbox({ conversationId: id, askSubscribe: feed.detail?.viewerSide === 'resident', onSent: feed.accept })
  const [replies, setReplies] = useCannedReplies(staff)
  const [handling, toggleHandled] = useHandledToggle(id, feed)

  useLoad(() => void requireLogin())
  useDidShow(() => setVisible(true))
  useDidHide(() => setVisible(false))

  const prefix = `c${id}-`
  const rows = feed.detail ? chatRows(feed.messages, outbox.items, feed.receipts, feed.detail.viewerSide, user?.name ?? '我') : []
  const newest = rows[rows.length - 1]?.key
  // Something new at the bottom (theirs or mine): show it.
  useEffect(() => {
    if (newest) setScroll({ id: `${prefix}${newest}`, align: 'end' })
  }, [newest, prefix])

  async function loadOlder() {
    if (!feed.hasOlder || feed.loadingOlder) return
    const first = await feed.loadOlder()
    // Keep the message that was at the top in view, rather than jumping to the oldest.
    if (first !== null) setScroll({ id: `${prefix}m${first}`, align: 'start' })
  }

  if (!Number.isInteger(id) || id <= 0) {
    return (
      <View className="page">
        <LoadError message="会话编号不正确" />
      </View>
    )
  }
  if (!feed.detail) {
    return <View className="page">{feed.error ? <LoadError message={feed.error} onRetry={feed.reload} /> : <Loading />}</View>
  }
  return (
    <View className="chat">
      <ChatHeader detail={feed.detail} staff={staff} handling={handling} onToggleHandled={toggleHandled} />
      <ScrollView
        className="chat__list"
        scrollY
        scrollIntoView={scroll.id}
        scrollIntoViewAlignment={scroll.align}
        upperThreshold={40}
        onScrollToUpper={() => void loadOlder()}
      >
        {feed.hasOlder && (
          <View className="chat__older" onClick={() => void loadOlder()}>
            {feed.loadingOlder ? '正在加载…' : '查看更早的消息'}
          </View>
        )}
        {rows.length === 0 && <Text className="chat__empty">还没有消息，有什么事请直接说。</Text>}
        <Rows rows={rows} prefix={prefix} staff={staff} onRetry={outbox.retry} onConvert={setConverting} />
      </ScrollView>
      <Composer
        replies={staff ? replies : null}
        onEditReplies={() => setEditingReplies(true)}
        onSendText={outbox.sendText}
        onSendImage={() => void outbox.sendImage()}
      />
      {editingReplies && replies && (
        <CannedEditor
          replies={replies}
          onClose={() => setEditingReplies(false)}
          onSaved={(next) => {
            setReplies(next)
            setEditingReplies(false)
          }}
        />
      )}
      {converting?.seq && (
        <ConvertSheet
          conversationId={id}
          seq={converting.seq}
          excerpt={converting.message.text ?? '[图片]'}
          onClose={() => setConverting(null)}
          onDone={(message, ticket) => {
            feed.accept(message)
            setConverting(null)
            void Taro.navigateTo({ url: ticketPageUrl(ticket.id) })
          }}
        />
      )}
    </View>
  )
}
