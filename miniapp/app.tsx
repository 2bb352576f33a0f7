import { useEffect, type PropsWithChildren } from 'react'
import { useDidShow, useLaunch } from '@tarojs/taro'
import { config as configureZod } from 'zod'
import { rememberBuildingFromQuery } from './services/pending-building'
import { realtime } from './services/realtime'
import { clearUnread, startUnreadSync } from './services/unread'
import { useSession } from './stores/session'
import './app.scss'

// zod compiles object parsers with `new Function`, which the mini-program runtime forbids
// (and a strict CSP would report in H5). The interpreted path is fast enough for forms.
configureZod({ jitless: true })

/** Messages come live for whoever is signed in; signing out (or losing the session) ends it. */
function useRealtimeForSession(): void {
  const userId = useSession().user?.id
  useEffect(() => {
    if (userId === undefined) return
    realtime.start()
    const stopUnread = startUnreadSync()
    return () => {
      stopUnread()
      realtime.stop()
      clearUnread()
    }
  }, [userId])
}

function App({ children }: PropsWithChildren) {
  useLaunch((options) => {
    // Scanning a building's QR code opens the app with the building in the launch query; keep
    // it until the resident has logged in and reached the bind page.
    rememberBuildingFromQuery(options?.query as Record<string, string | undefined> | undefined)
  })
  // Back in the foreground: reconnect now rather than when the backoff says.
  useDidShow(() => realtime.wake())
  useRealtimeForSession()

  return children
}

export default App
