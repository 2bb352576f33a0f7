import { useSyncExternalStore } from 'react'
import Taro from '@tarojs/taro'
import type { ServerFrame, Unread } from '@anju/shared'
import { fetchUnread } from './messages'
import { onRealtimeCatchUp, subscribeRealtime } from './realtime'

/**
 * The unread count (messages and notices) and its badge on the 消息 tab. Refreshed from the
 * server rather than counted from frames: the server knows what was read on another phone.
 */
export const MESSAGES_TAB_INDEX = 2
/** Frames arrive in bursts (a reconnect's gap); one refresh answers a burst. */
export const REFRESH_DELAY_MS = 300

const NONE: Unread = { messages: 0, notices: 0, total: 0 }
let unread: Unread = NONE
let badgeShown: string | null = null
const listeners = new Set<() => void>()
let inFlight: Promise<Unread> | null = null
let pending: ReturnType<typeof setTimeout> | null = null

function setUnread(next: Unread): void {
  unread = next
  for (const listener of [...listeners]) listener()
  applyUnreadBadge()
}

export const getUnread = (): Unread => unread

export function useUnread(): Unread {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    getUnread,
    getUnread,
  )
}

export const badgeText = (total: number): string => (total > 99 ? '99+' : String(total))

/**
 * Shows the count on the tab bar. WeChat refuses while a page without the tab bar is on top,
 * so tab pages call this again when they show; a failure is only a badge not drawn yet.
 */
export function applyUnreadBadge(): void {
  const text = unread.total > 0 ? badgeText(unread.total) : null
  const done = () => {
    badgeShown = text
  }
  const call = text
    ? Taro.setTabBarBadge({ index: MESSAGES_TAB_INDEX, text })
    : badgeShown === null
      ? null
      : Taro.removeTabBarBadge({ index: MESSAGES_TAB_INDEX })
  if (call) void Promise.resolve(call).then(done, () => undefined)
}

/** One request at a time; callers during it share its answer. */
export function refreshUnread(): Promise<Unread> {
  inFlight ??= fetchUnread()
    .then((next) => {
      setUnread(next)
      return next
    })
    .finally(() => {
      inFlight = null
    })
  return inFlight
}

function refreshSoon(): void {
  if (pending) return
  pending = setTimeout(() => {
    pending = null
    void refreshUnread().catch(() => undefined)
  }, REFRESH_DELAY_MS)
}

function affectsUnread(frame: ServerFrame): boolean {
  return frame.type === 'message' || frame.type === 'notice' || frame.type === 'receipts' || frame.type === 'conversation'
}

/** While signed in: keeps the count current from realtime frames and catch-ups. */
export function startUnreadSync(): () => void {
  void refreshUnread().catch(() => undefined)
  const offFrames = subscribeRealtime((frame) => affectsUnread(frame) && refreshSoon())
  const offCatchUp = onRealtimeCatchUp(refreshSoon)
  return () => {
    offFrames()
    offCatchUp()
    if (pending) clearTimeout(pending)
    pending = null
  }
}

/** Signed out: nothing is unread for nobody. */
export function clearUnread(): void {
  setUnread(NONE)
}
