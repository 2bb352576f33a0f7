import { useCallback, useEffect, useRef, useState } from 'react'
import type { TicketSummary, WorkbenchPage } from '@anju/shared'
import { fetchWorkbench, type WorkbenchQuery } from '../../services/workbench'
import { messageOf } from '../../services/request'

export const PAGE_SIZE = 20

export interface WorkbenchList {
  items: TicketSummary[]
  counts: WorkbenchPage['counts'] | null
  hasMore: boolean
  /** True while the first page loads (again). */
  loading: boolean
  loadingMore: boolean
  error: string | null
  moreError: string | null
  reload: () => void
  loadMore: () => void
}

/**
 * One workbench list: the first page whenever the query changes, then the next page by the
 * server's keyset cursor. A newer query makes the answers of older requests be dropped.
 */
export function useWorkbenchList(query: Omit<WorkbenchQuery, 'cursor' | 'limit'>): WorkbenchList {
  const key = JSON.stringify(query)
  const queryRef = useRef(query)
  queryRef.current = query
  const [items, setItems] = useState<TicketSummary[]>([])
  const [counts, setCounts] = useState<WorkbenchPage['counts'] | null>(null)
  const [cursor, setCursor] = useState<string | null>(null)
  const [loading, setLoading] = useState(true)
  const [loadingMore, setLoadingMore] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [moreError, setMoreError] = useState<string | null>(null)
  const [attempt, setAttempt] = useState(0)
  const generation = useRef(0)
  const busy = useRef(false)
  const cursorRef = useRef<string | null>(null)

  const shownKey = useRef(key)

  useEffect(() => {
    // Another tab or filter: the old rows must not stand in for the new ones; a reload keeps them.
    if (shownKey.current !== key) {
      shownKey.current = key
      setItems([])
      setCursor((cursorRef.current = null))
    }
    const mine = ++generation.current
    busy.current = true
    setLoading(true)
    setLoadingMore(false)
    setError(null)
    setMoreError(null)
    fetchWorkbench({ ...queryRef.current, limit: PAGE_SIZE })
      .then((page) => {
        if (mine !== generation.current) return
        setItems(page.items)
        setCounts(page.counts)
        setCursor((cursorRef.current = page.nextCursor))
      })
      .catch((err: unknown) => {
        if (mine === generation.current) setError(messageOf(err))
      })
      .finally(() => {
        if (mine !== generation.current) return
        busy.current = false
        setLoading(false)
      })
  }, [key, attempt])

  const loadMore = useCallback(() => {
    const next = cursorRef.current
    if (busy.current || !next) return
    const mine = generation.current
    busy.current = true
    setLoadingMore(true)
    setMoreError(null)
    fetchWorkbench({ ...queryRef.current, cursor: next, limit: PAGE_SIZE })
      .then((page) => {
        if (mine !== generation.current) return
        // A ticket can move between pages while staff scroll (it turned overdue): show it once.
        setItems((shown) => [...shown, ...page.items.filter((t) => !shown.some((s) => s.id === t.id))])
        setCounts(page.counts)
        setCursor((cursorRef.current = page.nextCursor))
      })
      .catch((err: unknown) => {
        if (mine === generation.current) setMoreError(messageOf(err))
      })
      .finally(() => {
        if (mine !== generation.current) return
        busy.current = false
        setLoadingMore(false)
      })
  }, [])

  const reload = useCallback(() => setAttempt((n) => n + 1), [])
  return { items, counts, hasMore: cursor !== null, loading, loadingMore, error, moreError, reload, loadMore }
}
