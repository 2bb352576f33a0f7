import { z } from 'zod'
import { newClientKey } from './client-key'

describe('newClientKey', () => {
  it('makes UUIDs the shared schema accepts, different each time', () => {
    const keys = Array.from({ length: 50 }, newClientKey)
    for (const key of keys) expect(z.uuid().safeParse(key).success).toBe(true)
    expect(new Set(keys).size).toBe(50)
  })

  it('still makes valid keys where there is no crypto (the WeChat runtime)', () => {
    const saved = globalThis.crypto
    Object.defineProperty(globalThis, 'crypto', { value: undefined, configurable: true })
    try {
      expect(z.uuid().safeParse(newClientKey()).success).toBe(true)
    } finally {
      Object.defineProperty(globalThis, 'crypto', { value: saved, configurable: true })
    }
  })
})
