import { z } from 'zod'
import { idSchema } from '../places'
import { userText } from '../text'

/** The officer as 宣传员: notices posted to one, several or all of the buildings they lead. */
export const NOTICE_KINDS = ['safety', 'anti_fraud', 'utility'] as const
export const noticeKindSchema = z.enum(NOTICE_KINDS)
export type NoticeKind = z.infer<typeof noticeKindSchema>
export const NOTICE_KIND_LABELS: Record<NoticeKind, string> = {
  safety: '安全提示',
  anti_fraud: '反诈提醒',
  utility: '停水停电',
}

export const createNoticeSchema = z.object({
  /** Retrying the same post returns the first notice. */
  clientId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '通知编号格式不正确'),
  kind: noticeKindSchema,
  title: userText({ label: '标题', min: 2, max: 40, emptyMessage: '标题至少 2 个字', maxMessage: '标题不超过 40 字' }),
  body: userText({ label: '内容', multiline: true, min: 5, max: 1000, emptyMessage: '内容至少 5 个字', maxMessage: '内容不超过 1000 字' }),
  /** 'all': every building the author leads (or, for a desk, covers); otherwise the chosen ones. */
  buildingIds: z.union([z.literal('all'), z.array(idSchema).min(1, '请至少选择一栋楼').max(500)]),
})
export type CreateNoticeInput = z.input<typeof createNoticeSchema>

export const noticeSchema = z.object({
  id: z.number().int(),
  kind: noticeKindSchema,
  title: z.string(),
  body: z.string(),
  author: z.object({ userId: z.number().int(), name: z.string() }),
  createdAt: z.string(),
  /** For residents: whether they have read it. */
  read: z.boolean(),
  /** For the author and desks: buildings reached, residents reached, and how many have read it. */
  reach: z.object({ buildings: z.number().int(), residents: z.number().int(), read: z.number().int() }).nullable(),
})
export type Notice = z.infer<typeof noticeSchema>

export const noticesQuerySchema = z.object({
  cursor: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
})
export const noticesPageSchema = z.object({ items: z.array(noticeSchema), nextCursor: z.number().int().nullable() })
export type NoticesPage = z.infer<typeof noticesPageSchema>
