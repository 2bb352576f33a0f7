import { useRef } from 'react'
import { newClientKey } from './client-key'

export interface IntentKeys<K extends string> {
  /** The key of this intent: made on the first try, the same on every retry until `done`. */
  keyFor: (intent: K) => string
  /** The server took it: the next tap is a new intent with a new key. */
  done: (intent: K) => void
}

/**
 * The clientKey of each thing the user set out to do on a screen (催办, 报到…). A retry after a
 * lost answer sends the same key, so the server answers with the first result instead of
 * acting twice; once it succeeded, the key is let go.
 */
export function useIntentKeys<K extends string>(): IntentKeys<K> {
  const ref = useRef<IntentKeys<K> | null>(null)
  if (!ref.current) {
    const keys = new Map<K, string>()
    ref.current = {
      keyFor: (intent) => {
        const known = keys.get(intent)
        if (known) return known
        const made = newClientKey()
        keys.set(intent, made)
        return made
      },
      done: (intent) => {
        keys.delete(intent)
      },
    }
  }
  return ref.current
}
