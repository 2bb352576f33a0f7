import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ConfigError, loadConfig } from './config'

describe('configuration', () => {
  it('refuses to start in production without its secrets, naming each one', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'mysql://u@db/anju' })).toThrow(ConfigError)
    try {
      loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'mysql://u@db/anju' })
    } catch (err) {
      expect((err as Error).message).toMatch(/JWT_SECRET, DATA_KEY, WECHAT_APP_ID, WECHAT_APP_SECRET, WECHAT_API_BASE/)
    }
  })

  it('rejects malformed values with the variable named', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://x' })).toThrow(/DATABASE_URL/)
    expect(() => loadConfig({ JWT_SECRET: 'short' })).toThrow(/JWT_SECRET/)
  })

  it('in development keeps generated secrets in the data folder, so tokens survive a restart', () => {
    const dir = mkdtempSync(join(tmpdir(), 'anju-config-'))
    const a = loadConfig({ DATA_DIR: dir })
    const b = loadConfig({ DATA_DIR: dir })
    expect(a.jwtSecret).toBe(b.jwtSecret)
    expect(a.jwtSecret.length).toBeGreaterThanOrEqual(32)
    expect(a.dataKey.equals(b.dataKey)).toBe(true)
    expect(a.database).toEqual({ type: 'sqlite', file: join(dir, 'anju.sqlite') })
    expect(a.wechat.standin).toBe(true)
  })
})
