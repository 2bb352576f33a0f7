import type { ReactNode } from 'react'
import { Button } from '@tarojs/components'

interface Props {
  className: string
  busy: boolean
  onClick: () => void
  children: ReactNode
}

/**
 * A button that shows a spinner and ignores taps while its action runs. In H5 the button is a
 * custom element, where React writes `disabled={false}` as the attribute disabled="false" and
 * the [disabled] style greys the button out; so the props are left off unless busy.
 */
export default function BusyButton({ className, busy, onClick, children }: Props) {
  return (
    <Button className={className} loading={busy || undefined} disabled={busy || undefined} onClick={onClick}>
      {children}
    </Button>
  )
}
