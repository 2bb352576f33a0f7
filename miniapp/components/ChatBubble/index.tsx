import { Button, Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { MESSAGE_STATE_LABELS, type Message, type MessageState } from '@anju/shared'
import { ticketPageUrl } from '../../services/tickets'
import { resolveAssetUrl } from '../../utils/asset-url'
import './index.scss'

/** What a bubble shows of a message; a message still being sent has no id or seq yet. */
export type BubbleMessage = Pick<Message, 'kind' | 'side' | 'sender' | 'label' | 'text' | 'image' | 'ticket' | 'held'>

/** Own messages: 发送中 and 发送失败 before the server has them, then 已发送 / 已送达 / 已读. */
export type BubbleState = 'sending' | 'failed' | MessageState

interface Props {
  message: BubbleMessage
  /** On the viewer's side of the conversation (right). */
  own: boolean
  state?: BubbleState | null
  /** Staff see the content-check warning and may turn a resident's message into a ticket. */
  staffView?: boolean
  onRetry?: () => void
  onConvert?: () => void
}

/** Server files need the API origin; a photo still on the phone is shown from where it is. */
const imageSrc = (url: string) => (url.startsWith('/') ? resolveAssetUrl(url) : url)

function preview(url: string): void {
  const src = imageSrc(url)
  void Promise.resolve(Taro.previewImage({ current: src, urls: [src] })).catch(() => undefined)
}

function TicketLink({ ticket }: { ticket: NonNullable<Message['ticket']> }) {
  return (
    <View className="chat-ticket" onClick={() => void Taro.navigateTo({ url: ticketPageUrl(ticket.id) })}>
      <Text className="chat-ticket__number">工单 {ticket.number}</Text>
      <Text className="chat-ticket__open">查看办理进度 ›</Text>
    </View>
  )
}

function Content({ message }: { message: BubbleMessage }) {
  const { image } = message
  return (
    <View>
      {message.text && <Text className="chat-bubble__text">{message.text}</Text>}
      {image && <Image className="chat-bubble__image" src={imageSrc(image.url)} mode="widthFix" onClick={() => preview(image.url)} />}
      {message.ticket && <TicketLink ticket={message.ticket} />}
    </View>
  )
}

function StateLine({ state, onRetry }: { state: BubbleState; onRetry?: () => void }) {
  if (state === 'failed') {
    return (
      <View className="chat-bubble__failed" onClick={onRetry}>
        发送失败，点击重发
      </View>
    )
  }
  const text = state === 'sending' ? '发送中…' : MESSAGE_STATE_LABELS[state]
  return <Text className={`chat-bubble__state chat-bubble__state--${state}`}>{text}</Text>
}

/** One message of a conversation: system lines in the middle, the viewer's own on the right. */
export default function ChatBubble({ message, own, state, staffView, onRetry, onConvert }: Props) {
  if (message.side === 'system') {
    return (
      <View className="chat-system">
        {message.text && <Text className="chat-system__text">{message.text}</Text>}
        {message.ticket && <TicketLink ticket={message.ticket} />}
      </View>
    )
  }
  // A ticket is described in words: the server turns text messages into tickets, not photos.
  const convertible = staffView && message.side === 'resident' && message.kind === 'text' && onConvert
  return (
    <View className={`chat-row ${own ? 'chat-row--own' : ''}`}>
      {(!own || message.label) && (
        <View className="chat-row__who">
          {message.label && <Text className="chat-row__label">{message.label}</Text>}
          <Text className="chat-row__name">{message.sender.name}</Text>
        </View>
      )}
      <View className={`chat-bubble chat-bubble--${message.side} ${own ? 'chat-bubble--own' : ''}`}>
        <Content message={message} />
      </View>
      {staffView && message.held && <Text className="chat-row__held">⚠ 未通过内容安全检查，请核实后再处理</Text>}
      {own && state && <StateLine state={state} onRetry={onRetry} />}
      {convertible && (
        <Button className="btn btn--small chat-row__convert" onClick={onConvert}>
          转为工单
        </Button>
      )}
    </View>
  )
}
