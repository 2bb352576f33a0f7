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
  DATABASE_URL: z
    .string()
    .regex(/^(mysql|mariadb):\/\//, 'DATABASE_URL must be mysql://user:pass@host:port/db')
    .optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'REDIS_URL must be redis://host:port')
    .optional(),
  JWT_SECRET: z.string().min(32, 'JWT_SECRET must be at least 32 characters').optional(),
  DATA_KEY: z
    .string()
    .regex(/^[0-9a-f]{64}$/i, 'DATA_KEY must be 64 hex characters (32 bytes)')
    .optional(),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(86400).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  WECHAT_APP_ID: z.string().optional(),
  WECHAT_APP_SECRET: z.string().optional(),
  /** Base URL of the WeChat server API. Unset in development: the local stand-in is started and used. */
  WECHAT_API_BASE: z.string().url().optional(),
  /** Subscribe-message template IDs, as chosen in the mini-program's admin console. */
  WECHAT_TEMPLATE_ACCEPTED: z.string().min(1).optional(),
  WECHAT_TEMPLATE_RESOLVED: z.string().min(1).optional(),
  WECHAT_TEMPLATE_ESCALATED: z.string().min(1).optional(),
  WECHAT_TEMPLATE_MESSAGE: z.string().min(1).optional(),
  /** The Token of the mini-program's message push settings; WeChat signs each push with it. */
  WECHAT_PUSH_TOKEN: z
    .string()
    .regex(/^[A-Za-z0-9]{3,32}$/, 'WECHAT_PUSH_TOKEN must be 3–32 letters or digits (as WeChat requires)')
    .optional(),
  /** Folder of the built H5 app to serve beside the API; unset serves none. */
  H5_DIR: z.string().optional(),
  PUBLIC_BASE_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /** How often each instance sweeps SLAs and delivers the outbox (milliseconds). */
  SLA_SWEEP_MS: z.coerce.number().int().min(200).default(30_000),
  OUTBOX_POLL_MS: z.coerce.number().int().min(200).default(5_000),
  /** Minutes a resident's message may wait for the officer before the duty desk takes it. */
  MESSAGE_REPLY_MINUTES: z.coerce
    .number()
    .min(0.05)
    .max(24 * 60)
    .default(30),
  /** Prefix of every Redis key and channel, so several deployments can share one Redis. */
  REDIS_PREFIX: z
    .string()
    .regex(/^[a-z0-9_:-]{1,40}$/)
    .default('anju:'),
  /** wechat-login attempts one client address may make a minute (see LIMITS in lib/rate-limit.ts). */
  LOGIN_PER_ADDRESS_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(60),
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
    const missing = (
      [
        'JWT_SECRET',
        'DATA_KEY',
        'DATABASE_URL',
        'WECHAT_APP_ID',
        'WECHAT_APP_SECRET',
        'WECHAT_API_BASE',
        'WECHAT_TEMPLATE_ACCEPTED',
        'WECHAT_TEMPLATE_RESOLVED',
        'WECHAT_TEMPLATE_ESCALATED',
        'WECHAT_TEMPLATE_MESSAGE',
        'WECHAT_PUSH_TOKEN',
        'PUBLIC_BASE_URL',
      ] as const
    ).filter((k) => !e[k])
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
    redisPrefix: e.REDIS_PREFIX,
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
      /** The stand-in accepts any template ID; these name what each one is for. */
      templates: {
        accepted: e.WECHAT_TEMPLATE_ACCEPTED ?? 'standin-tpl-ticket-accepted',
        resolved: e.WECHAT_TEMPLATE_RESOLVED ?? 'standin-tpl-ticket-resolved',
        escalated: e.WECHAT_TEMPLATE_ESCALATED ?? 'standin-tpl-ticket-escalated',
        message: e.WECHAT_TEMPLATE_MESSAGE ?? 'standin-tpl-new-message',
      },
      pushToken: e.WECHAT_PUSH_TOKEN ?? devSecret(dataDir, 'wechat-push-token', () => randomBytes(16).toString('hex')),
      miniprogramState: production ? ('formal' as const) : ('developer' as const),
    },
    h5Dir: e.H5_DIR ? resolve(e.H5_DIR) : null,
    publicBaseUrl: e.PUBLIC_BASE_URL ?? null,
    /**
     * Where this instance itself answers, set by main.ts (and the test harness) once it listens.
     * Stands in for PUBLIC_BASE_URL in development, e.g. for the image URLs the WeChat stand-in fetches.
     */
    selfBaseUrl: null as string | null,
    logLevel: e.LOG_LEVEL,
    jobs: { slaEveryMs: e.SLA_SWEEP_MS, outboxEveryMs: e.OUTBOX_POLL_MS },
    messages: { replyMinutes: e.MESSAGE_REPLY_MINUTES },
    limits: { 'login-by-address': e.LOGIN_PER_ADDRESS_PER_MINUTE },
  }
}
