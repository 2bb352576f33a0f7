/**
 * One CSV cell as every CSV the server writes spells it. Text that starts with = + - @, a tab or a
 * carriage return is read as a formula by Excel, WPS and LibreOffice (a place or a resident may be
 * named `=HYPERLINK(…)`), so it gets a leading single quote: the OWASP advice for CSV injection.
 * Numbers are written as they are, so a negative figure stays a number. Quotes, commas and line
 * breaks put the cell in double quotes.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return String(value)
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** One CSV line (no line break). */
export const csvLine = (values: ReadonlyArray<string | number | null | undefined>): string => values.map(csvCell).join(',')
