import Taro from '@tarojs/taro'
import { parseBuildingCode, safeDecode } from '../utils/building-code'

/**
 * A building QR code scanned before the resident logged in. It is kept in storage so that it
 * survives the trip through the login page (and, in H5, a full page load).
 */
const PENDING_KEY = 'anju.pendingBuilding'

export function savePendingBuilding(code: string): void {
  Taro.setStorageSync(PENDING_KEY, code)
}

export function peekPendingBuilding(): string | null {
  const code: unknown = Taro.getStorageSync(PENDING_KEY)
  return typeof code === 'string' && code ? code : null
}

export function takePendingBuilding(): string | null {
  const code = peekPendingBuilding()
  if (code) Taro.removeStorageSync(PENDING_KEY)
  return code
}

/**
 * Launch or page query → pending building code. Handles `?building=CODE` (H5 links, page
 * paths) and WeChat's ordinary-link QR launch, which passes the whole URL encoded in `q`.
 */
export function rememberBuildingFromQuery(query: Record<string, string | undefined> | undefined): string | null {
  if (!query) return null
  const direct = query.building ? parseBuildingCode(safeDecode(query.building)) : null
  const fromQr = query.q ? parseBuildingCode(safeDecode(query.q)) : null
  const code = direct ?? fromQr
  if (code) savePendingBuilding(code)
  return code
}
