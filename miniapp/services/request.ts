import Taro from '@tarojs/taro'
import { apiErrorSchema, tokenPairSchema } from '@anju/shared'
import { clearStoredSession, loadStoredSession, saveStoredSession } from './session-storage'

/**
 * Every network call of the app goes through `request`: it adds the bearer token, turns the
 * server's `{ error: { code, message } }` into an `ApiRequestError` with a message that is
 * safe to show, and renews an expired access token once before giving up on the session.
 * When the server is busy or the caller went too fast (429, 503 with Retry-After), a request that
 * may safely be sent again — a read, or a change carrying its client key — is sent once more
 * after a short wait; anything else is left to the person, with the server's message.
 */

/** H5 is served by the API server itself; the mini-program needs an absolute address. */
export const API_BASE = process.env.TARO_ENV === 'h5' ? '' : process.env.TARO_APP_API_BASE || 'http://127.0.0.1:3000'

export const LOGIN_PAGE = '/pages/login/index'

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    /** From Retry-After (429, 503): how long the server asked us to wait before trying again. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message)
    this.name = 'ApiRequestError'
  }
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

export interface RequestOptions {
  method?: HttpMethod
  /** JSON body for POST, PUT and PATCH. */
  data?: unknown
  query?: Record<string, string | number | undefined>
  /** Send the bearer token and renew it on 401. True unless the endpoint is public. */
  auth?: boolean
  /** 'text' for non-JSON bodies such as CSV; an error body is still read as JSON. */
  responseType?: 'json' | 'text'
}

interface RawResponse {
  statusCode: number
  data: unknown
  /** The access token this request carried, to tell whether someone renewed it meanwhile. */
  sentToken: string | null
  /** Retry-After in seconds, when the server sent one. */
  retryAfter: number | null
}

const SESSION_CODES = new Set(['unauthenticated', 'token_expired'])

let sessionLostListeners: Array<() => void> = []

/** Called when the session cannot be renewed (the session store clears itself). */
export function onSessionLost(listener: () => void): () => void {
  sessionLostListeners.push(listener)
  return () => {
    sessionLostListeners = sessionLostListeners.filter((l) => l !== listener)
  }
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const auth = options.auth ?? true
  const repeatable = (options.method ?? 'GET') === 'GET' || carriesClientKey(options.data) || typeof options.query?.clientKey === 'string'
  return settle<T>(() => send(path, options, auth), auth, repeatable)
}

export interface UploadOptions {
  query?: RequestOptions['query']
  /** The multipart field name; the server reads `file`. */
  name?: string
  /** 0–100 while the file goes up (mini-program and H5 both report it). */
  onProgress?: (percent: number) => void
}

/**
 * Uploads one local file (multipart). Taro.uploadFile bypasses Taro.request, so it goes through
 * here to get the same bearer token, token renewal and `ApiRequestError` as `request`.
 */
export function upload<T>(path: string, filePath: string, options: UploadOptions = {}): Promise<T> {
  return settle<T>(() => sendFile(path, filePath, options), true, typeof options.query?.clientKey === 'string')
}

/** Ticket actions and photos carry a clientKey, messages and notices a clientId: the server acts on each once. */
function carriesClientKey(data: unknown): boolean {
  if (!data || typeof data !== 'object') return false
  const { clientKey, clientId } = data as { clientKey?: unknown; clientId?: unknown }
  return typeof clientKey === 'string' || typeof clientId === 'string'
}

/** Longer waits are the person's to make: a spinner for a minute reads as a hang. */
const MAX_AUTO_RETRY_SECONDS = 5

/**
 * Renews an expired session once and retries; repeats a `repeatable` request once when the server
 * asks for a short wait; then turns the response into data or an error.
 */
async function settle<T>(attempt: () => Promise<RawResponse>, auth: boolean, repeatable: boolean): Promise<T> {
  let response = await attempt()
  if (auth && response.statusCode === 401 && SESSION_CODES.has(errorCodeOf(response.data))) {
    const stored = loadStoredSession()
    // Another call may have renewed the token while this one was in flight: just retry.
    const renewed = stored !== null && (stored.accessToken !== response.sentToken || (await renewSession()))
    if (renewed) response = await attempt()
    if (!renewed || response.statusCode === 401) {
      loseSession()
      throw toApiError(response)
    }
  }
  const wait = response.retryAfter
  if (repeatable && (response.statusCode === 429 || response.statusCode === 503) && wait !== null && wait <= MAX_AUTO_RETRY_SECONDS) {
    await new Promise((resolve) => setTimeout(resolve, wait * 1000))
    response = await attempt()
  }
  if (response.statusCode >= 200 && response.statusCode < 300) return response.data as T
  throw toApiError(response)
}

let renewing: Promise<boolean> | null = null

/**
 * Refresh tokens rotate: the old one dies when used. Concurrent 401s therefore share one
 * refresh call instead of each spending (and invalidating) the same refresh token.
 */
export function renewSession(): Promise<boolean> {
  renewing ??= refreshTokens().finally(() => {
    renewing = null
  })
  return renewing
}

async function refreshTokens(): Promise<boolean> {
  const stored = loadStoredSession()
  if (!stored) return false
  try {
    const response = await send('/api/auth/refresh', { method: 'POST', data: { refreshToken: stored.refreshToken } }, false)
    const pair = tokenPairSchema.safeParse(response.data)
    if (response.statusCode !== 200 || !pair.success) return false
    saveStoredSession(pair.data)
    return true
  } catch {
    return false
  }
}

function loseSession(): void {
  clearStoredSession()
  for (const listener of sessionLostListeners) listener()
  if (!isOnLoginPage()) void Taro.reLaunch({ url: LOGIN_PAGE }).catch(() => undefined)
}

function isOnLoginPage(): boolean {
  try {
    const pages = Taro.getCurrentPages()
    const route = pages[pages.length - 1]?.route ?? ''
    return route.includes('pages/login/index')
  } catch {
    return false
  }
}

async function send(path: string, options: RequestOptions, auth: boolean): Promise<RawResponse> {
  const token = auth ? (loadStoredSession()?.accessToken ?? null) : null
  const header: Record<string, string> = { 'Content-Type': 'application/json' }
  if (token) header.Authorization = `Bearer ${token}`
  const method = options.method ?? 'GET'
  try {
    const res = await Taro.request({
      url: `${API_BASE}${path}${queryString(options.query)}`,
      method,
      data: method === 'GET' ? undefined : (options.data as Record<string, unknown> | undefined),
      header,
      dataType: options.responseType === 'text' ? 'text' : 'json',
    })
    const data = options.responseType === 'text' && res.statusCode >= 300 ? parseJson(res.data) : (res.data as unknown)
    return { statusCode: res.statusCode, data, sentToken: token, retryAfter: retryAfterOf(res.header) }
  } catch {
    throw new ApiRequestError(0, 'network_error', '网络连接失败，请检查网络后重试')
  }
}

async function sendFile(path: string, filePath: string, options: UploadOptions): Promise<RawResponse> {
  const token = loadStoredSession()?.accessToken ?? null
  try {
    const task = Taro.uploadFile({
      url: `${API_BASE}${path}${queryString(options.query)}`,
      filePath,
      name: options.name ?? 'file',
      header: token ? { Authorization: `Bearer ${token}` } : {},
    })
    const onProgress = options.onProgress
    if (onProgress && typeof task.onProgressUpdate === 'function') task.onProgressUpdate((p) => onProgress(p.progress))
    const res = await task
    // uploadFile hands back the body as text on every platform.
    const header = (res as { header?: unknown }).header // not every platform hands it back
    return { statusCode: res.statusCode, data: parseJson(res.data), sentToken: token, retryAfter: retryAfterOf(header) }
  } catch {
    throw new ApiRequestError(0, 'network_error', '网络连接失败，请检查网络后重试')
  }
}

/** Retry-After in seconds (a number of seconds or an HTTP date), or null; header names are any case. */
function retryAfterOf(header: unknown): number | null {
  if (!header || typeof header !== 'object') return null
  const entry = Object.entries(header as Record<string, unknown>).find(([name]) => name.toLowerCase() === 'retry-after')
  const value = typeof entry?.[1] === 'string' ? entry[1].trim() : ''
  if (/^\d+$/.test(value)) return Number(value)
  const at = value ? Date.parse(value) : Number.NaN
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - Date.now()) / 1000))
}

function parseJson(data: unknown): unknown {
  if (typeof data !== 'string') return data
  try {
    return JSON.parse(data) as unknown
  } catch {
    return null
  }
}

function queryString(query: RequestOptions['query']): string {
  if (!query) return ''
  const parts = Object.entries(query)
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
  return parts.length ? `?${parts.join('&')}` : ''
}

function errorCodeOf(body: unknown): string {
  const parsed = apiErrorSchema.safeParse(body)
  return parsed.success ? parsed.data.error.code : ''
}

function toApiError(response: RawResponse): ApiRequestError {
  const parsed = apiErrorSchema.safeParse(response.data)
  if (parsed.success) {
    const { code, message, details } = parsed.data.error
    return new ApiRequestError(response.statusCode, code, message, details, response.retryAfter ?? undefined)
  }
  return new ApiRequestError(
    response.statusCode,
    'http_error',
    fallbackMessage(response.statusCode),
    undefined,
    response.retryAfter ?? undefined,
  )
}

function fallbackMessage(status: number): string {
  if (status === 401) return '登录已失效，请重新登录'
  if (status === 403) return '没有权限执行此操作'
  if (status === 404) return '要找的内容不存在'
  if (status === 413) return '文件太大，请换一张较小的照片'
  if (status === 429) return '操作太频繁，请稍后再试'
  if (status >= 500) return '服务暂时不可用，请稍后再试'
  return `请求失败（${status}），请稍后再试`
}

/** Any thrown value → a sentence to show the user. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiRequestError) return error.message
  return '出了点问题，请稍后再试'
}
