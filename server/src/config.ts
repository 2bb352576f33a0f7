import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { z } from 'zod'

/**
 * The one place the environment is read. Validated at start: in production a missing secret
 * stops the process with a message naming it; in development the secrets are generated once and
 * kept in the data folder so that tokens survive a restart.
 */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default(resolve(__dirname, '../../data')),
  DATABASE_URL: z.string().regex(/^(mysql|mariadb):\/\//, 'DATABASE_URL must be mysql://user:pass@host:port/db').optional(),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'REDIS_URL must be redis://host:port').optional(),
  JWT_SECRET: z.string().min(32, 'JWT_SECRET must be at least 32 characters').optional(),
  DATA_KEY: z.string().regex(/^[0-9a-f]{64}$/i, 'DATA_KEY must be 64 hex characters (32 bytes)').optional(),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(86400).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  WECHAT_APP_ID: z.string().optional(),
  WECHAT_APP_SECRET: z.string().optional(),
  /** Base URL of the WeChat server API. Unset in development: the local stand-in is started and used. */
  WECHAT_API_BASE: z.string().url().optional(),
  /** Folder of the built H5 app to serve beside the API; unset serves none. */
  H5_DIR: z.string().optional(),
  PUBLIC_BASE_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
})

export type Config = ReturnType<typeof loadConfig>

export class ConfigError extends Error {}

function devSecret(dataDir: string, name: string, make: () => string): string {
  mkdirSync(dataDir, { recursive: true })
  const file = join(dataDir, `${name}.secret`)
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  const value = make()
  writeFileSync(file, value, { mode: 0o600 })
  return value
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  const parsed = envSchema.safeParse(env)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`)
  }
  const e = parsed.data
  const production = e.NODE_ENV === 'production'
  if (production) {
    const missing = (['JWT_SECRET', 'DATA_KEY', 'DATABASE_URL', 'WECHAT_APP_ID', 'WECHAT_APP_SECRET', 'WECHAT_API_BASE'] as const)
      .filter((k) => !e[k])
    if (missing.length > 0) {
      throw new ConfigError(`Cannot start in production: missing ${missing.join(', ')}. See README "Production configuration".`)
    }
  }
  const dataDir = resolve(e.DATA_DIR)
  const useStandin = !e.WECHAT_API_BASE
  return {
    env: e.NODE_ENV,
    production,
    port: e.PORT,
    host: e.HOST,
    dataDir,
    database: e.DATABASE_URL
      ? ({ type: 'mysql', url: e.DATABASE_URL } as const)
      : ({ type: 'sqlite', file: join(dataDir, 'anju.sqlite') } as const),
    redisUrl: e.REDIS_URL ?? null,
    jwtSecret: e.JWT_SECRET ?? devSecret(dataDir, 'jwt', () => randomBytes(48).toString('base64url')),
    dataKey: Buffer.from(e.DATA_KEY ?? devSecret(dataDir, 'data-key', () => randomBytes(32).toString('hex')), 'hex'),
    accessTokenTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlDays: e.REFRESH_TOKEN_TTL_DAYS,
    wechat: {
      appId: e.WECHAT_APP_ID ?? 'wx_anju_standin',
      appSecret: e.WECHAT_APP_SECRET ?? 'standin-secret',
      /** Null: start the stand-in in-process and use its address. */
      apiBase: e.WECHAT_API_BASE ?? null,
      standin: useStandin,
    },
    h5Dir: e.H5_DIR ? resolve(e.H5_DIR) : null,
    publicBaseUrl: e.PUBLIC_BASE_URL ?? null,
    logLevel: e.LOG_LEVEL,
  }
}
