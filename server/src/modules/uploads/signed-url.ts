import { createHmac, timingSafeEqual } from 'node:crypto'
import type { AppContext } from '../../context'

/**
 * Image URLs carry their own permission: `<Image src>` in the mini-program cannot send an
 * Authorization header, so the server signs a URL for whoever it decides may see the photo, and
 * the content route only checks signature and expiry. An HMAC over the id and expiry time, keyed
 * from the data key (so it is never the JWT secret and changes when the data key does).
 */

/** How long a URL handed to the app works. */
export const VIEW_URL_TTL_S = 3600
/** How long the URL given to WeChat's media check works: it may fetch hours later. */
export const CHECK_URL_TTL_S = 2 * 86400
/** Expiry is rounded up to this step, so a photo keeps one URL for a while and the app's image cache hits. */
const EXPIRY_STEP_S = 600

function sign(app: AppContext, id: number, exp: number): string {
  const key = createHmac('sha256', app.config.dataKey).update('anju/upload-url/v1').digest()
  return createHmac('sha256', key).update(`${id}.${exp}`).digest('base64url')
}

/** A relative URL of the upload's bytes, valid for at least `ttlS` seconds. */
export function uploadUrl(app: AppContext, upload: { id: number }, ttlS = VIEW_URL_TTL_S): string {
  const now = Math.floor(app.now().getTime() / 1000)
  const exp = Math.ceil((now + ttlS) / EXPIRY_STEP_S) * EXPIRY_STEP_S
  return `/api/uploads/${upload.id}/content?exp=${exp}&sig=${sign(app, upload.id, exp)}`
}

/** The same, absolute, for outside systems; null when this instance does not know its public address. */
export function absoluteUploadUrl(app: AppContext, upload: { id: number }, ttlS: number): string | null {
  // Our own listening address is reachable by the local stand-in, never by the real WeChat.
  const base = app.config.publicBaseUrl ?? (app.config.wechat.standin ? app.config.selfBaseUrl : null)
  // Appended, not resolved: a base with a path (https://host/anju) keeps its path.
  return base ? base.replace(/\/+$/, '') + uploadUrl(app, upload, ttlS) : null
}

export function validContentSignature(app: AppContext, id: number, exp: number, sig: string): boolean {
  if (exp * 1000 <= app.now().getTime()) return false
  const expected = Buffer.from(sign(app, id, exp))
  const given = Buffer.from(sig)
  return given.length === expected.length && timingSafeEqual(given, expected)
}
