import { useCallback, useEffect, useRef, useState } from 'react'
import type { TicketSummary } from '@anju/shared'
import { messageOf } from '../../services/request'
import { fetchMyTickets, type MyTicketTab } from '../../services/tickets'

export const PAGE_SIZE = 20

export interface MyTicketList {
  items: TicketSummary[]
  hasMore: boolean
  loading: boolean
  loadingMore: boolean
  error: string | null
  moreError: string | null
  loadMore: () => void
}

/**
 * 我的工单 for one tab: the first page whenever the tab or `refreshKey` changes, then further
 * pages by the server's keyset cursor. Answers to an older tab are dropped. `onSettled` runs
 * when a first page has arrived or failed (to end a pull-down refresh).
 */
export function useMyTickets(tab: MyTicketTab, refreshKey: number, onSettled?: () => void): MyTicketList {
  const [items, setItems] = useState<TicketSummary[]>([])
  const [loading, setLoading] = useState(true)
  const [loadingMore, setLoadingMore] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [moreError, setMoreError] = useState<string | null>(null)
  const [hasMore, setHasMore] = useState(false)
  const generation = useRef(0)
  const cursor = useRef<string | null>(null)
  const busy = useRef(false)
  const settled = useRef(onSettled)
  settled.current = onSettled

  const shownTab = useRef(tab)

  useEffect(() => {
    const mine = ++generation.current
    // Another tab's tickets must not stand in while this one loads; a refresh keeps them.
    if (shownTab.current !== tab) setItems([])
    shownTab.current = tab
    busy.current = true
    setLoading(true)
    setError(null)
    setMoreError(null)
    fetchMyTickets({ tab, limit: PAGE_SIZE })
      .then((page) => {
        if (mine !== generation.current) return
        setItems(page.items)
        cursor.current = page.nextCursor
        setHasMore(page.nextCursor !== null)
      })
      .catch((err: unknown) => mine === generation.current && setError(messageOf(err)))
      .finally(() => {
        if (mine !== generation.current) return
        busy.current = false
        setLoading(false)
        settled.current?.()
      })
  }, [tab, refreshKey])

  const loadMore = useCallback(() => {
    const next = cursor.current
    if (busy.current || !next) return
    const mine = generation.current
    busy.current = true
    setLoadingMore(true)
    setMoreError(null)
    fetchMyTickets({ tab, cursor: next, limit: PAGE_SIZE })
      .then((page) => {
        if (mine !== generation.current) return
        setItems((shown) => [...shown, ...page.items.filter((t) => !shown.some((s) => s.id === t.id))])
        cursor.current = page.nextCursor
        setHasMore(page.nextCursor !== null)
      })
      .catch((err: unknown) => mine === generation.current && setMoreError(messageOf(err)))
      .finally(() => {
        if (mine !== generation.current) return
        busy.current = false
        setLoadingMore(false)
      })
  }, [tab])

  return { items, hasMore, loading, loadingMore, error, moreError, loadMore }
}
