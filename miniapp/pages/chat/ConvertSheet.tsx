import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { REPORT_KINDS, TICKET_KIND_LABELS, convertToTicketSchema, type Message, type TicketCategory } from '@anju/shared'
import BusyButton from '../../components/BusyButton'
import { convertMessageToTicket } from '../../services/messages'
import { messageOf } from '../../services/request'
import { listReportCategories, type ReportKind } from '../../services/tickets'
import Sheet from './Sheet'

interface Props {
  conversationId: number
  seq: number
  /** The resident's words, to remind the officer what becomes the ticket. */
  excerpt: string
  onDone: (message: Message, ticket: { id: number; number: string }) => void
  onClose: () => void
}

function useCategories(kind: ReportKind | null) {
  const [categories, setCategories] = useState<TicketCategory[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    if (!kind) return
    let live = true
    setCategories(null)
    setError(null)
    listReportCategories(kind)
      .then((page) => live && setCategories(page.items.filter((c) => c.active)))
      .catch((err: unknown) => live && setError(messageOf(err)))
    return () => {
      live = false
    }
  }, [kind])
  return { categories, error }
}

/** 转为工单: the officer picks 隐患 or 纠纷 and a category; the ticket is the resident's. */
export default function ConvertSheet({ conversationId, seq, excerpt, onDone, onClose }: Props) {
  const [kind, setKind] = useState<ReportKind | null>(null)
  const [categoryId, setCategoryId] = useState<number | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const { categories, error: loadError } = useCategories(kind)

  async function confirm() {
    const parsed = convertToTicketSchema.safeParse({ seq, kind, categoryId })
    if (!parsed.success) return setError(kind ? '请选择问题类别' : '请选择隐患或纠纷')
    setBusy(true)
    setError(null)
    try {
      const result = await convertMessageToTicket(conversationId, parsed.data)
      onDone(result.message, result.ticket)
    } catch (err) {
      setError(messageOf(err))
      setBusy(false)
    }
  }

  return (
    <Sheet title="转为工单" onClose={onClose}>
      <Text className="chat-convert__excerpt">“{excerpt}”</Text>
      <View className="chat-convert__choices">
        {REPORT_KINDS.map((k) => (
          <View
            key={k}
            className={`chat-choice ${kind === k ? 'chat-choice--on' : ''}`}
            onClick={() => {
              setKind(k)
              setCategoryId(null)
            }}
          >
            {TICKET_KIND_LABELS[k]}
          </View>
        ))}
      </View>
      {kind && !categories && !loadError && <Text className="text-soft">正在加载类别…</Text>}
      {loadError && <Text className="field__error">{loadError}</Text>}
      {categories && (
        <View className="chat-convert__categories">
          {categories.map((c) => (
            <View
              key={c.id}
              className={`chat-choice chat-choice--small ${categoryId === c.id ? 'chat-choice--on' : ''}`}
              onClick={() => setCategoryId(c.id)}
            >
              {c.name}
            </View>
          ))}
        </View>
      )}
      {error && <Text className="field__error">{error}</Text>}
      <BusyButton className="btn btn--primary chat-convert__confirm" busy={busy} onClick={() => void confirm()}>
        确认转为工单
      </BusyButton>
    </Sheet>
  )
}
