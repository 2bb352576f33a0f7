import { z } from 'zod'

/**
 * Rules for everything people type. What one person writes is shown to others — officers read a
 * resident's name, residents read notices — and invisible characters make a text look like
 * something else: a right-to-left override shows "伟张警民" as "民警张伟", zero-width spaces make a
 * message that looks empty or split a word past the content check. The app's forms and the server
 * parse with the same schemas, so both refuse the same text with the same words.
 */

// What editors and copy-paste leave at the ends (spaces, the ideographic space, zero-width marks):
// trimmed quietly. JavaScript's \s already covers U+3000, U+FEFF, NBSP and the line separators.
const EDGES = /^[\s\u200B-\u200D\u2060]+|[\s\u200B-\u200D\u2060]+$/g
// Format characters the emoji of today are made of: a joiner between two pictographs (👨‍👩‍👧) and
// the tag letters of a subdivision flag (🏴 + tags + cancel tag). Allowed there, nowhere else.
const EMOJI_JOINER = /(\p{Extended_Pictographic}(?:\u{FE0F}|\p{Emoji_Modifier})?)\u200D(?=\p{Extended_Pictographic})/gu
const EMOJI_TAGS = /\u{1F3F4}[\u{E0020}-\u{E007E}]+\u{E007F}/gu
// Category Cc is U+0000–U+001F and U+007F–U+009F; a multi-line text keeps its \n and \t.
const CONTROL_MULTILINE = /(?![\n\t])\p{Cc}/u
const CONTROL_SINGLE_LINE = /[\p{Cc}\u2028\u2029]/u
/** Unicode category Cf: zero-width space and joiners, bidi embeddings, overrides and isolates, BOM, soft hyphen… */
const FORMAT = /\p{Cf}/u

export const TEXT_MESSAGES = {
  control: '包含换行、制表符等控制字符，请删除后重试',
  format: '包含看不见的特殊字符（如零宽字符、文字方向控制符），请删除后重试',
  empty: '不能为空',
} as const

/** NFC form, Windows line ends made \n (multi-line), invisible edges trimmed. */
export function cleanText(text: string, multiline = false): string {
  const nfc = text.normalize('NFC')
  return (multiline ? nfc.replace(/\r\n?|[\u2028\u2029]/g, '\n') : nfc).replace(EDGES, '')
}

/** Why a (cleaned) text is refused, or null when it may be stored. */
export function textProblem(text: string, multiline = false): keyof typeof TEXT_MESSAGES | null {
  if ((multiline ? CONTROL_MULTILINE : CONTROL_SINGLE_LINE).test(text)) return 'control'
  const visible = text.replace(EMOJI_TAGS, '\u{1F3F4}').replace(EMOJI_JOINER, '$1')
  if (FORMAT.test(visible)) return 'format'
  return null
}

export interface TextRule {
  /** What the field is called in the messages: 称呼, 描述, 消息… */
  label: string
  max: number
  min?: number
  /** Line breaks and tabs allowed (descriptions, messages, notices); single-line otherwise. */
  multiline?: boolean
  /** The message for an empty (or too short) text; `请填写${label}` by default. */
  emptyMessage?: string
  maxMessage?: string
}

/**
 * A text a person typed: normalised, trimmed, free of control and format characters, not empty.
 * `.overwrite` keeps it a plain string schema, so the OpenAPI document still describes it.
 */
export function userText(rule: TextRule) {
  const multiline = rule.multiline ?? false
  return z
    .string()
    .overwrite((s) => cleanText(s, multiline))
    .refine((s) => textProblem(s, multiline) !== 'control', { message: `${rule.label}${TEXT_MESSAGES.control}`, abort: true })
    .refine((s) => textProblem(s, multiline) !== 'format', { message: `${rule.label}${TEXT_MESSAGES.format}`, abort: true })
    .min(rule.min ?? 1, rule.emptyMessage ?? `请填写${rule.label}`)
    .max(rule.max, rule.maxMessage ?? `${rule.label}最多 ${rule.max} 字`)
}

/** An optional text (a note beside an action): the same rules, but empty is allowed. */
export function optionalUserText(rule: Omit<TextRule, 'min' | 'emptyMessage'>) {
  return userText({ ...rule, min: 0 }).optional()
}

/**
 * Staff titles a resident may not take as a display name: officers and the duty desk read names in
 * their inbox, and neighbours see them in notices' read lists, so "值班民警" or "安居客服" writing to
 * a resident would be believed. The list: police titles and ranks (民警, 警官, 辅警…), the police as
 * an institution (公安, 派出所, 警务, 110), Anju's own staff labels (值班 as in 值班台/值班民警代回复,
 * 楼长 as in 楼长民警, 管理员, 志愿者, 工作人员, 网格员, 系统 for system messages), and what
 * impersonates the service itself (客服, 官方, 安居). Single characters (警) are left alone: real
 * names contain them.
 */
export const RESERVED_NAME_WORDS = [
  '民警',
  '警官',
  '警察',
  '警员',
  '辅警',
  '协警',
  '交警',
  '刑警',
  '特警',
  '巡警',
  '片警',
  '警长',
  '警督',
  '警司',
  '所长',
  '公安',
  '派出所',
  '警务',
  '值班',
  '楼长',
  '管理员',
  '志愿者',
  '工作人员',
  '网格员',
  '系统',
  '客服',
  '官方',
  '安居',
  'police',
  'admin',
  'official',
] as const

// Traditional forms of the characters above, so 樓長 or 管理員 read as 楼长 and 管理员.
const TRADITIONAL: Record<string, string> = { 員: '员', 樓: '楼', 長: '长', 務: '务', 誌: '志', 統: '统', 係: '系', 繫: '系', 値: '值' }

/**
 * The name as the reserved-word check sees it: compatibility forms folded (ｐｏｌｉｃｅ, ⽒ → 氏),
 * traditional forms simplified, and everything but letters and digits dropped, so 民 警, 民·警,
 * 民_警 or 民丶警 all read 民警.
 */
export function nameSkeleton(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[員樓長務誌統係繫値]/g, (c) => TRADITIONAL[c] ?? c)
    .replace(/[^\p{L}\p{N}]|丶/gu, '')
}

/** The reserved word a resident's name contains, or null. */
export function reservedNameWord(name: string): string | null {
  const skeleton = nameSkeleton(name)
  // 110 inside a longer number (a room, 1102) is not the police line.
  if (/(^|\D)110(\D|$)/.test(skeleton)) return '110'
  return RESERVED_NAME_WORDS.find((word) => skeleton.includes(word)) ?? null
}

export const RESERVED_NAME_MESSAGE = '称呼不能使用“民警”“值班”“客服”等工作人员或官方称谓'

/** A person's real name as staff give it when they join: titles allowed (值班民警 may be on a badge). */
export const personNameSchema = userText({ label: '姓名', min: 2, max: 20, emptyMessage: '请填写真实姓名' })

/** What a resident is called in Anju: anything they like but a staff title. */
export const residentNameSchema = userText({ label: '称呼', max: 20, emptyMessage: '称呼不能为空', maxMessage: '称呼最长 20 个字' }).refine(
  (name) => reservedNameWord(name) === null,
  RESERVED_NAME_MESSAGE,
)
