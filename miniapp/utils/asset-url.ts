import { API_BASE } from '../services/request'

/** Server paths such as /files/officers/1.jpg need the API origin in the mini-program. */
export function resolveAssetUrl(url: string): string {
  return /^https?:\/\//.test(url) ? url : `${API_BASE}${url}`
}
