import { useCallback, useEffect, useRef, useState } from 'react'
import { messageOf } from '../services/request'

export const PAGE_SIZE = 20

export interface Page<T, C> {
  items: T[]
  nextCursor: C | null
}

export interface PagedList<T, P = unknown> {
  items: T[]
  /** The latest page answered for the shown list, for what else it carries (the workbench's counts). */
  lastPage: P | null
  hasMore: boolean
  /** True while the first page loads (again). */
  loading: boolean
  loadingMore: boolean
  error: string | null
  moreError: string | null
  reload: () => void
  loadMore: () => void
  /** Changes shown items (marked read) without a reload. */
  update: (change: (items: T[]) => T[]) => void
}

/**
 * A keyset-paged list: the first page whenever `key` or `refreshKey` changes (or on reload),
 * more on demand by the server's cursor. A new `key` (another tab or filter) clears the rows; a
 * refresh keeps them while it loads, so a realtime update does not make the list flash.
 *
 * Every request belongs to a generation, and a new first page starts a new one: answers of an
 * older generation (first page or more) are dropped whole, their settling included, so they can
 * neither overwrite newer rows nor end the newer request's busy state. `onSettled` runs when a
 * current first page has arrived or failed (to end a pull-down refresh).
 */
export function usePagedList<T extends { id: number }, C, P extends Page<T, C> = Page<T, C>>(
  load: (cursor?: C) => Promise<P>,
  key: string,
  refreshKey = 0,
  onSettled?: () => void,
): PagedList<T, P> {
  const [items, setItems] = useState<T[]>([])
  const [lastPage, setLastPage] = useState<P | null>(null)
  const [cursor, setCursor] = useState<C | null>(null)
  const [loading, setLoading] = useState(true)
  const [loadingMore, setLoadingMore] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [moreError, setMoreError] = useState<string | null>(null)
  const [attempt, setAttempt] = useState(0)
  const loadRef = useRef(load)
  loadRef.current = load
  const settledRef = useRef(onSettled)
  settledRef.current = onSettled
  const generation = useRef(0)
  const busy = useRef(false)
  // loadMore reads the cursor here, so that it stays one stable function.
  const cursorRef = useRef<C | null>(null)
  const shownKey = useRef(key)

  useEffect(() => {
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
    loadRef
      .current()
      .then((page) => {
        if (mine !== generation.current) return
        setItems(page.items)
        setLastPage(page)
        setCursor((cursorRef.current = page.nextCursor))
      })
      .catch((err: unknown) => {
        if (mine === generation.current) setError(messageOf(err))
      })
      .finally(() => {
        if (mine !== generation.current) return
        busy.current = false
        setLoading(false)
        settledRef.current?.()
      })
  }, [key, refreshKey, attempt])

  const loadMore = useCallback(() => {
    const next = cursorRef.current
    if (busy.current || next === null) return
    const mine = generation.current
    busy.current = true
    setLoadingMore(true)
    setMoreError(null)
    loadRef
      .current(next)
      .then((page) => {
        if (mine !== generation.current) return
        // A row can move between pages while reading (new activity, turned overdue): show it once.
        setItems((shown) => [...shown, ...page.items.filter((t) => !shown.some((s) => s.id === t.id))])
        setLastPage(page)
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
  return { items, lastPage, hasMore: cursor !== null, loading, loadingMore, error, moreError, reload, loadMore, update: setItems }
}
