import type { PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import { config as configureZod } from 'zod'
import { rememberBuildingFromQuery } from './services/pending-building'
import './app.scss'

// zod compiles object parsers with `new Function`, which the mini-program runtime forbids
// (and a strict CSP would report in H5). The interpreted path is fast enough for forms.
configureZod({ jitless: true })

function App({ children }: PropsWithChildren) {
  useLaunch((options) => {
    // Scanning a building's QR code opens the app with the building in the launch query; keep
    // it until the resident has logged in and reached the bind page.
    rememberBuildingFromQuery(options?.query as Record<string, string | undefined> | undefined)
  })

  return children
}

export default App
