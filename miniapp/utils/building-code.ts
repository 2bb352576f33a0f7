/** Building codes as the places CSV defines them (`building_code`). */
const CODE_PATTERN = /^[A-Za-z0-9_-]{1,40}$/

/**
 * The text of a building QR code → its building code. The QR holds a URL such as
 * `https://anju.example.cn/?building=QS-111-01`; a bare code is accepted too. The mini-program
 * runtime has no URL class, hence the regular expression.
 */
export function parseBuildingCode(text: string): string | null {
  const trimmed = text.trim()
  const match = /[?&#]building=([^&#\s]+)/.exec(trimmed)
  const candidate = match?.[1] ? safeDecode(match[1]) : trimmed
  return CODE_PATTERN.test(candidate) ? candidate : null
}

/** Query values may arrive URL-encoded (WeChat) or not (H5); a stray % must not throw. */
export function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}
