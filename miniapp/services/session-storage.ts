import Taro from '@tarojs/taro'
import { sessionUserSchema, type SessionUser, type TokenPair } from '@anju/shared'

/** What survives an app restart: the tokens and who they belong to. */
export interface StoredSession {
  accessToken: string
  refreshToken: string
  /** Epoch milliseconds; informational, the server decides. */
  accessExpiresAt: number
  user: SessionUser
}

const SESSION_KEY = 'anju.session'

export function loadStoredSession(): StoredSession | null {
  const raw: unknown = Taro.getStorageSync(SESSION_KEY)
  if (!raw || typeof raw !== 'object') return null
  const value = raw as Partial<StoredSession>
  const user = sessionUserSchema.safeParse(value.user)
  if (typeof value.accessToken !== 'string' || typeof value.refreshToken !== 'string' || !user.success) return null
  return {
    accessToken: value.accessToken,
    refreshToken: value.refreshToken,
    accessExpiresAt: typeof value.accessExpiresAt === 'number' ? value.accessExpiresAt : 0,
    user: user.data,
  }
}

export function saveStoredSession(pair: TokenPair): StoredSession {
  const session: StoredSession = {
    accessToken: pair.accessToken,
    refreshToken: pair.refreshToken,
    accessExpiresAt: Date.now() + pair.expiresIn * 1000,
    user: pair.user,
  }
  Taro.setStorageSync(SESSION_KEY, session)
  return session
}

export function clearStoredSession(): void {
  Taro.removeStorageSync(SESSION_KEY)
}
