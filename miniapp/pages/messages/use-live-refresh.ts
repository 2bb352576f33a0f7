import { useEffect, useRef, useState } from 'react'
import { useDidHide, useDidShow } from '@tarojs/taro'
import type { ServerFrame } from '@anju/shared'
import { onRealtimeCatchUp, subscribeRealtime } from '../../services/realtime'

/** Frames come in bursts (a reconnect's gap): one reload answers a burst. */
const SETTLE_MS = 400

/**
 * A number that goes up when the list on screen may be out of date: a matching realtime frame,
 * or a catch-up after a reconnect or a polling tick. While the page is hidden nothing reloads;
 * showing the page reloads anyway.
 */
export function useLiveRefresh(matches: (frame: ServerFrame) => boolean): number {
  const [count, setCount] = useState(0)
  const shown = useRef(true)
  const matchesRef = useRef(matches)
  matchesRef.current = matches

  useDidShow(() => {
    shown.current = true
  })
  useDidHide(() => {
    shown.current = false
  })

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null
    const bump = () => {
      if (!shown.current || timer) return
      timer = setTimeout(() => {
        timer = null
        setCount((n) => n + 1)
      }, SETTLE_MS)
    }
    const offFrames = subscribeRealtime((frame) => matchesRef.current(frame) && bump())
    const offCatchUp = onRealtimeCatchUp(bump)
    return () => {
      offFrames()
      offCatchUp()
      if (timer) clearTimeout(timer)
    }
  }, [])
  return count
}
