import { useCallback, useEffect, useRef, useState } from 'react'
import type { ConversationDetail, Message, Receipts } from '@anju/shared'
import { fetchConversation, fetchMessages, markConversationRead } from '../../services/messages'
import { onRealtimeCatchUp, subscribeRealtime } from '../../services/realtime'
import { messageOf } from '../../services/request'
import { refreshUnread } from '../../services/unread'

export const PAGE_SIZE = 30
const DETAIL_SETTLE_MS = 300
/** A catch-up asks for this many at once; a longer gap is fetched over the next rounds. */
const GAP_LIMIT = 100

export interface ConversationFeed {
  detail: ConversationDetail | null
  /** Ascending by seq, each once. */
  messages: Message[]
  receipts: Receipts | null
  hasOlder: boolean
  loadingOlder: boolean
  error: string | null
  reload: () => void
  /** Loads the page before the first message; resolves to the seq that was first (to keep it in view). */
  loadOlder: () => Promise<number | null>
  /** A message the viewer sent, as the server stored it. */
  accept: (message: Message) => void
  setDetail: (detail: ConversationDetail) => void
}

export function mergeMessages(shown: Message[], incoming: Message[]): Message[] {
  if (incoming.length === 0) return shown
  const bySeq = new Map(shown.map((m) => [m.seq, m]))
  for (const m of incoming) bySeq.set(m.seq, m)
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq)
}

/** Receipts only move forward: an answer that overtook a newer one must not undo 已读. */
export function newerReceipts(shown: Receipts | null, next: Receipts): Receipts {
  if (!shown) return next
  return {
    residentDeliveredSeq: Math.max(shown.residentDeliveredSeq, next.residentDeliveredSeq),
    residentReadSeq: Math.max(shown.residentReadSeq, next.residentReadSeq),
    staffDeliveredSeq: Math.max(shown.staffDeliveredSeq, next.staffDeliveredSeq),
    staffReadSeq: Math.max(shown.staffReadSeq, next.staffReadSeq),
  }
}

/**
 * One conversation kept current: realtime frames in order, the gap fetched whenever a frame
 * skips a seq or the connection comes back (or polling ticks), and read up to the newest
 * message while the page is visible.
 */
export function useConversation(id: number, visible: boolean): ConversationFeed {
  const [detail, setDetail] = useState<ConversationDetail | null>(null)
  const [messages, setMessages] = useState<Message[]>([])
  const [receipts, setReceipts] = useState<Receipts | null>(null)
  const [hasOlder, setHasOlder] = useState(false)
  const [loadingOlder, setLoadingOlder] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [attempt, setAttempt] = useState(0)
  const lastSeq = useRef(0)
  const loaded = useRef(false)
  const messagesRef = useRef(messages)
  messagesRef.current = messages

  const refreshDetail = useCallback(() => {
    fetchConversation(id)
      .then(setDetail)
      .catch(() => undefined)
  }, [id])
  const refreshDetailSoon = useDebounced(refreshDetail, DETAIL_SETTLE_MS)

  const take = useCallback(
    (items: Message[]) => {
      const news = items.some((m) => m.seq > lastSeq.current)
      for (const m of items) lastSeq.current = Math.max(lastSeq.current, m.seq)
      setMessages((shown) => mergeMessages(shown, items))
      // A new message can change who answers (the desk takes over, the officer is back) or clear
      // 已处理; the server says so in the conversation, fetched once a burst has settled.
      if (news && loaded.current) refreshDetailSoon()
    },
    [refreshDetailSoon],
  )
  const takeReceipts = useCallback((next: Receipts) => setReceipts((shown) => newerReceipts(shown, next)), [])

  const catchUp = useGapFetcher(id, loaded, lastSeq, (page) => {
    take(page.items)
    takeReceipts(page.receipts)
  })

  useEffect(() => {
    let live = true
    loaded.current = false
    setError(null)
    Promise.all([fetchConversation(id), fetchMessages(id, { limit: PAGE_SIZE })])
      .then(([conversation, page]) => {
        if (!live) return
        setDetail(conversation)
        take(page.items)
        takeReceipts(page.receipts)
        setHasOlder(page.hasOlder)
        loaded.current = true
      })
      .catch((err: unknown) => live && setError(messageOf(err)))
    return () => {
      live = false
    }
  }, [id, attempt, take, takeReceipts])

  useEffect(() => {
    const offFrames = subscribeRealtime((frame) => {
      if (frame.type === 'message' && frame.message.conversationId === id) {
        // The next one in order is shown at once; a skipped seq means frames were missed.
        if (frame.message.seq <= lastSeq.current + 1) take([frame.message])
        else catchUp()
      } else if (frame.type === 'receipts' && frame.conversationId === id) takeReceipts(frame.receipts)
      else if (frame.type === 'conversation' && frame.conversationId === id) refreshDetail()
    })
    const offCatchUp = onRealtimeCatchUp(catchUp)
    return () => {
      offFrames()
      offCatchUp()
    }
  }, [id, take, takeReceipts, refreshDetail, catchUp])

  useReadMarker(id, visible, detail, receipts, messages.length > 0 ? lastSeq.current : 0, takeReceipts)

  const loadOlder = useCallback(async () => {
    const first = messagesRef.current[0]
    if (!first) return null
    setLoadingOlder(true)
    try {
      const page = await fetchMessages(id, { beforeSeq: first.seq, limit: PAGE_SIZE })
      setMessages((shown) => mergeMessages(shown, page.items))
      setHasOlder(page.hasOlder)
      return first.seq
    } catch {
      return null
    } finally {
      setLoadingOlder(false)
    }
  }, [id])

  const reload = useCallback(() => setAttempt((n) => n + 1), [])
  const accept = useCallback((message: Message) => take([message]), [take])
  return { detail, messages, receipts, hasOlder, loadingOlder, error, reload, loadOlder, accept, setDetail }
}

/** `run` once calls have paused for `ms`; the timer dies with the page. */
function useDebounced(run: () => void, ms: number): () => void {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const runRef = useRef(run)
  runRef.current = run
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current)
    },
    [],
  )
  return useCallback(() => {
    if (timer.current) clearTimeout(timer.current)
    timer.current = setTimeout(() => {
      timer.current = null
      runRef.current()
    }, ms)
  }, [ms])
}

type GapPage = Awaited<ReturnType<typeof fetchMessages>>

/** Fetches everything after the newest shown seq; one request at a time, again if asked meanwhile. */
function useGapFetcher(
  id: number,
  loaded: { current: boolean },
  lastSeq: { current: number },
  onPage: (page: GapPage) => void,
): () => void {
  const busy = useRef(false)
  const again = useRef(false)
  const onPageRef = useRef(onPage)
  onPageRef.current = onPage

  const run = useCallback((): void => {
    if (!loaded.current) return
    if (busy.current) {
      again.current = true
      return
    }
    busy.current = true
    fetchMessages(id, { afterSeq: lastSeq.current, limit: GAP_LIMIT })
      .then((page) => onPageRef.current(page))
      .catch(() => undefined)
      .finally(() => {
        busy.current = false
        if (!again.current) return
        again.current = false
        run()
      })
  }, [id, loaded, lastSeq])
  return run
}

/** Tells the server what the viewer has seen (the other side's 已读), once per new message. */
function useReadMarker(
  id: number,
  visible: boolean,
  detail: ConversationDetail | null,
  receipts: Receipts | null,
  newestSeq: number,
  onReceipts: (r: Receipts) => void,
): void {
  const sent = useRef(0)
  useEffect(() => {
    if (!visible || !detail || !receipts || newestSeq === 0) return
    const readSoFar = detail.viewerSide === 'resident' ? receipts.residentReadSeq : receipts.staffReadSeq
    if (newestSeq <= readSoFar || newestSeq <= sent.current) return
    sent.current = newestSeq
    markConversationRead(id, newestSeq)
      .then((next) => {
        onReceipts(next)
        void refreshUnread().catch(() => undefined)
      })
      .catch(() => {
        sent.current = 0
      })
  }, [id, visible, detail, receipts, newestSeq, onReceipts])
}
