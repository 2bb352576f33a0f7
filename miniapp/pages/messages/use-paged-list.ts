import { useCallback, useEffect, useRef, useState } from 'react'
import { messageOf } from '../../services/request'

export interface Page<T, C> {
  items: T[]
  nextCursor: C | null
}

export interface PagedList<T> {
  items: T[]
  hasMore: boolean
  loading: boolean
  loadingMore: boolean
  error: string | null
  moreError: string | null
  reload: () => void
  loadMore: () => void
  /** Changes one shown item (marked read) without a reload. */
  update: (change: (items: T[]) => T[]) => void
}

/**
 * A keyset-paged list: the first page whenever `key` or `refreshKey` changes, more on demand.
 * A new `key` (another filter) clears the rows; a refresh keeps them while it loads, so a
 * realtime update does not make the list flash. Answers to older requests are dropped.
 */
export function usePagedList<T extends { id: number }, C>(
  load: (cursor?: C) => Promise<Page<T, C>>,
  key: string,
  refreshKey: number,
): PagedList<T> {
  const [items, setItems] = useState<T[]>([])
  const [cursor, setCursor] = useState<C | null>(null)
  const [loading, setLoading] = useState(true)
  const [loadingMore, setLoadingMore] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [moreError, setMoreError] = useState<string | null>(null)
  const [attempt, setAttempt] = useState(0)
  const loadRef = useRef(load)
  loadRef.current = load
  const generation = useRef(0)
  const shownKey = useRef(key)
  const busy = useRef(false)

  useEffect(() => {
    if (shownKey.current !== key) {
      shownKey.current = key
      setItems([])
      setCursor(null)
    }
    const mine = ++generation.current
    busy.current = true
    setLoading(true)
    setError(null)
    loadRef
      .current()
      .then((page) => {
        if (mine !== generation.current) return
        setItems(page.items)
        setCursor(page.nextCursor)
      })
      .catch((err: unknown) => mine === generation.current && setError(messageOf(err)))
      .finally(() => {
        if (mine !== generation.current) return
        busy.current = false
        setLoading(false)
      })
  }, [key, refreshKey, attempt])

  const loadMore = useCallback(() => {
    if (busy.current || cursor === null) return
    const mine = generation.current
    busy.current = true
    setLoadingMore(true)
    setMoreError(null)
    loadRef
      .current(cursor)
      .then((page) => {
        if (mine !== generation.current) return
        // A row can move up between pages while reading (new activity): show it once.
        setItems((shown) => [...shown, ...page.items.filter((t) => !shown.some((s) => s.id === t.id))])
        setCursor(page.nextCursor)
      })
      .catch((err: unknown) => mine === generation.current && setMoreError(messageOf(err)))
      .finally(() => {
        busy.current = false
        setLoadingMore(false)
      })
  }, [cursor])

  const reload = useCallback(() => setAttempt((n) => n + 1), [])
  return { items, hasMore: cursor !== null, loading, loadingMore, error, moreError, reload, loadMore, update: setItems }
}
