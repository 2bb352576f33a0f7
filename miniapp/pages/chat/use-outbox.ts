import { useCallback, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { messageTextSchema, type Message, type SendMessageInput } from '@anju/shared'
import { sendMessage, uploadMessageImage } from '../../services/messages'
import { ApiRequestError, messageOf } from '../../services/request'
import { askToSubscribeMessages } from '../../services/subscribe'
import { newClientKey } from '../../utils/client-key'

/** A message on its way: shown at once, 发送中 until the server has it, 发送失败 until retried. */
export interface Outgoing {
  /** Chosen once and sent with every attempt, so a retry never stores the message twice. */
  clientId: string
  kind: 'text' | 'image'
  text: string | null
  /** The photo on the phone, until the server's copy replaces it. */
  localPath: string | null
  /** Set once the photo is uploaded: a retry does not upload it again. */
  imageId: number | null
  status: 'sending' | 'failed'
  createdAt: string
}

export interface Outbox {
  items: Outgoing[]
  /** Null when sent on its way; otherwise why the text cannot be sent. */
  sendText: (text: string) => string | null
  sendImage: () => Promise<void>
  retry: (clientId: string) => void
}

interface Options {
  conversationId: number
  /** Residents are asked once, before their first message, for the 新消息提醒 subscribe message. */
  askSubscribe: boolean
  onSent: (message: Message) => void
}

export function useOutbox({ conversationId, askSubscribe, onSent }: Options): Outbox {
  const [items, setItems] = useState<Outgoing[]>([])
  const current = useRef<Outgoing[]>([])
  const asked = useRef(false)
  const onSentRef = useRef(onSent)
  onSentRef.current = onSent

  const apply = useCallback((change: (list: Outgoing[]) => Outgoing[]) => {
    current.current = change(current.current)
    setItems(current.current)
  }, [])
  const patch = useCallback(
    (clientId: string, values: Partial<Outgoing>) => apply((list) => list.map((o) => (o.clientId === clientId ? { ...o, ...values } : o))),
    [apply],
  )

  const deliver = useCallback(
    async (clientId: string, subscribed?: Promise<boolean>) => {
      patch(clientId, { status: 'sending' })
      try {
        const accepted = (await subscribed) || undefined
        const input = await inputFor(clientId, current.current, patch, accepted)
        const { message } = await sendMessage(conversationId, input)
        onSentRef.current(message)
        apply((list) => list.filter((o) => o.clientId !== clientId))
      } catch (err) {
        patch(clientId, { status: 'failed' })
        // Too many messages, or refused content: the reason matters more than the red line.
        if (err instanceof ApiRequestError && err.status !== 0) void Taro.showToast({ title: messageOf(err), icon: 'none', duration: 3000 })
      }
    },
    [apply, patch, conversationId],
  )

  /** WeChat shows the dialog only in answer to a tap, so this runs first in the tap handler. */
  const subscription = useCallback((): Promise<boolean> | undefined => {
    if (!askSubscribe || asked.current) return undefined
    asked.current = true
    return askToSubscribeMessages()
  }, [askSubscribe])

  const sendText = useCallback(
    (text: string) => {
      const parsed = messageTextSchema.safeParse(text)
      if (!parsed.success) return parsed.error.issues[0]?.message ?? '请输入消息内容'
      const subscribed = subscription()
      const item = outgoing('text', { text: parsed.data })
      apply((list) => [...list, item])
      void deliver(item.clientId, subscribed)
      return null
    },
    [apply, deliver, subscription],
  )

  const sendImage = useCallback(async () => {
    const subscribed = await subscription()
    let chosen: Taro.chooseMedia.SuccessCallbackResult
    try {
      chosen = await Taro.chooseMedia({ count: 1, mediaType: ['image'], sizeType: ['compressed'] })
    } catch {
      return // cancelled
    }
    const path = chosen.tempFiles[0]?.tempFilePath
    if (!path) return
    const item = outgoing('image', { localPath: path })
    apply((list) => [...list, item])
    await deliver(item.clientId, Promise.resolve(subscribed ?? false))
  }, [apply, deliver, subscription])

  const retry = useCallback((clientId: string) => void deliver(clientId), [deliver])
  return { items, sendText, sendImage, retry }
}

function outgoing(kind: Outgoing['kind'], values: Partial<Outgoing>): Outgoing {
  return {
    clientId: newClientKey(),
    kind,
    text: null,
    localPath: null,
    imageId: null,
    status: 'sending',
    createdAt: new Date().toISOString(),
    ...values,
  }
}

/** The body to send; a photo is uploaded first (once). */
async function inputFor(
  clientId: string,
  list: Outgoing[],
  patch: (clientId: string, values: Partial<Outgoing>) => void,
  subscribed: true | undefined,
): Promise<SendMessageInput> {
  const item = list.find((o) => o.clientId === clientId)
  if (!item) throw new Error('gone')
  if (item.kind === 'text') return { kind: 'text', clientId, text: item.text ?? '', subscribed }
  let imageId = item.imageId
  if (imageId === null) {
    // The message's clientId doubles as its image's upload key: one intent, retried as one.
    imageId = (await uploadMessageImage(item.localPath ?? '', clientId)).id
    patch(clientId, { imageId })
  }
  return { kind: 'image', clientId, imageId, subscribed }
}
