import type { DataSource } from 'typeorm'
import type { Config } from './config'
import type { WechatApi } from './integrations/wechat/client'
import type { Logger } from './lib/logger'
import type { RateLimits } from './lib/rate-limit'
import type { UploadStorage } from './lib/upload-storage'
import type { Realtime } from './realtime'

/** What every module is built from. Tests build one against the real database and the stand-ins. */
export interface AppContext {
  config: Config
  ds: DataSource
  log: Logger
  wechat: WechatApi
  /** Base URL of the WeChat stand-in when the server uses it (demo logins); null against real WeChat. */
  wechatStandinUrl: string | null
  now: () => Date
  /** Pushes frames to sockets on every instance (through Redis when REDIS_URL is set). */
  realtime: Realtime
  /** Atomic rate limits, shared by every instance through Redis when REDIS_URL is set. */
  limits: RateLimits
  /** Where uploaded images are kept; unset: a folder under the data dir (one machine only). */
  uploadStorage?: UploadStorage
}
