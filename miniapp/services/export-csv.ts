import Taro from '@tarojs/taro'
import { API_BASE, ApiRequestError, renewSession, request } from './request'
import { loadStoredSession } from './session-storage'

/**
 * Saves a CSV the server makes behind the bearer token. A plain link cannot carry the
 * Authorization header, so each platform fetches it its own way:
 * - H5: through `request` as text, then a Blob and a download link;
 * - weapp: Taro.downloadFile with the header into a temporary file, which the caller then
 *   offers to send to a chat (`shareCsvFile`; WeChat opens no CSV viewer of its own).
 * Returns the temporary file path in weapp, null in H5 (the browser has saved it).
 */
export async function downloadCsv(
  path: string,
  query: Record<string, string | number | undefined>,
  fileName: string,
): Promise<string | null> {
  if (process.env.TARO_ENV === 'h5') {
    const text = await request<string>(path, { query, responseType: 'text' })
    saveInBrowser(text, fileName)
    return null
  }
  let res = await sendDownload(path, query)
  if (res.statusCode === 401 && (await renewSession())) res = await sendDownload(path, query)
  if (res.statusCode !== 200) throw new ApiRequestError(res.statusCode, 'http_error', '导出失败，请稍后再试')
  return res.tempFilePath
}

/** Sends the downloaded file to a WeChat chat (must run in a tap handler). */
export async function shareCsvFile(filePath: string, fileName: string): Promise<void> {
  await Taro.shareFileMessage({ filePath, fileName })
}

async function sendDownload(path: string, query: Record<string, string | number | undefined>) {
  const token = loadStoredSession()?.accessToken
  const search = Object.entries(query)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&')
  try {
    return await Taro.downloadFile({
      url: `${API_BASE}${path}${search ? `?${search}` : ''}`,
      header: token ? { Authorization: `Bearer ${token}` } : {},
    })
  } catch {
    throw new ApiRequestError(0, 'network_error', '网络连接失败，请检查网络后重试')
  }
}

function saveInBrowser(text: string, fileName: string): void {
  // Excel needs the byte-order mark to read Chinese as UTF-8; the server sends one, keep exactly one.
  const body = text.startsWith('\uFEFF') ? text : `\uFEFF${text}`
  const url = URL.createObjectURL(new Blob([body], { type: 'text/csv;charset=utf-8' }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
