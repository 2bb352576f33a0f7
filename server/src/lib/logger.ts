/**
 * A small JSON-lines logger. Personal data never reaches a log: keys that may hold a phone
 * number, an ID number, a token or a WeChat session key are replaced before writing, and
 * phone-like and ID-like digits inside strings are masked.
 */
type Level = 'debug' | 'info' | 'warn' | 'error'
const ORDER: Record<Level | 'silent', number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 }
const SECRET_KEYS = /phone|mobile|idnumber|id_number|idcard|token|secret|session_?key|password|authorization|code$/i
const PHONE = /(?<!\d)1[3-9]\d{9}(?!\d)/g
const ID_NUMBER = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g

export function scrub(value: unknown, depth = 0): unknown {
  if (depth > 5) return '[deep]'
  if (typeof value === 'string') return value.replace(ID_NUMBER, '[id]').replace(PHONE, '[phone]')
  if (value instanceof Error)
    return { name: value.name, message: scrub(value.message), stack: scrub(value.stack?.split('\n').slice(0, 6).join('\n')) }
  if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1))
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEYS.test(k) ? '[redacted]' : scrub(v, depth + 1)
    return out
  }
  return value
}

export interface Logger {
  debug(msg: string, fields?: object): void
  info(msg: string, fields?: object): void
  warn(msg: string, fields?: object): void
  error(msg: string, fields?: object): void
}

export function createLogger(level: Level | 'silent', write: (line: string) => void = (l) => process.stdout.write(l + '\n')): Logger {
  const emit = (lvl: Level) => (msg: string, fields?: object) => {
    if (ORDER[lvl] < ORDER[level]) return
    write(JSON.stringify({ t: new Date().toISOString(), level: lvl, msg, ...(fields ? (scrub(fields) as object) : {}) }))
  }
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') }
}
