import type { z } from 'zod'

const HAS_CHINESE = /[\u4e00-\u9fa5]/

/**
 * A failed zod parse → one Chinese message per field. The shared schemas carry Chinese
 * messages for most rules; where a rule has none (zod's default is English) the form supplies
 * its own wording for that field.
 */
export function fieldErrors<K extends string>(error: z.ZodError, fallbacks: Record<K, string>): Partial<Record<K, string>> {
  const result: Partial<Record<K, string>> = {}
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '') as K
    if (!(field in fallbacks) || result[field]) continue
    result[field] = HAS_CHINESE.test(issue.message) ? issue.message : fallbacks[field]
  }
  return result
}

/** Form inputs give '' for an untouched optional field; the schemas expect it absent. */
export function blankToUndefined(value: string): string | undefined {
  const trimmed = value.trim()
  return trimmed === '' ? undefined : trimmed
}
