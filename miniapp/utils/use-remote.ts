import { useCallback, useEffect, useRef, useState } from 'react'
import { ApiRequestError, messageOf } from '../services/request'

export interface Remote<T> {
  data: T | null
  /** A sentence to show; null while loading or after success. */
  error: string | null
  /** The failure itself, for pages that treat some codes (not_found) as a state. */
  failure: ApiRequestError | null
  loading: boolean
  reload: () => void
}

/** Loads data for a screen, again whenever `key` changes (e.g. each time the page shows). */
export function useRemote<T>(load: () => Promise<T>, key: unknown): Remote<T> {
  const [data, setData] = useState<T | null>(null)
  const [failure, setFailure] = useState<unknown>(null)
  const [loading, setLoading] = useState(true)
  const [attempt, setAttempt] = useState(0)
  const loadRef = useRef(load)
  loadRef.current = load

  useEffect(() => {
    let live = true
    setLoading(true)
    loadRef
      .current()
      .then((value) => {
        if (!live) return
        setData(value)
        setFailure(null)
      })
      .catch((err: unknown) => {
        if (live) setFailure(err ?? new Error('unknown'))
      })
      .finally(() => {
        if (live) setLoading(false)
      })
    return () => {
      live = false
    }
  }, [key, attempt])

  const reload = useCallback(() => setAttempt((n) => n + 1), [])
  return {
    data,
    error: failure ? messageOf(failure) : null,
    failure: failure instanceof ApiRequestError ? failure : null,
    loading,
    reload,
  }
}
