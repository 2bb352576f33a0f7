import { createTicketSchema, type CreateTicketInput } from '@anju/shared'
import type { ReportKind } from '../../services/tickets'
import { blankToUndefined, fieldErrors } from '../../utils/form'
import type { ReportDraft } from './draft'
import type { PhotoSlot } from './use-photo-slots'
import { uploadedPhotos } from './use-photo-slots'

export type ReportField = 'categoryId' | 'description' | 'photoIds' | 'location' | 'contactPhone' | 'clientKey'

const FALLBACKS: Record<ReportField, string> = {
  categoryId: '请选择问题类别',
  description: '请描述情况',
  photoIds: '最多上传 9 张照片',
  location: '请选择问题位置',
  contactPhone: '请输入正确的手机号或座机号',
  clientKey: '草稿有误，请删除后重新填写',
}

export type ReportCheck = { ok: true; input: CreateTicketInput } | { ok: false; errors: Partial<Record<ReportField, string>> }

/** The form → the body of POST /api/tickets, checked with the same schema as the server. */
export function checkReport(kind: ReportKind, draft: ReportDraft, slots: PhotoSlot[], buildingId: number): ReportCheck {
  if (slots.some((s) => s.status === 'uploading')) return { ok: false, errors: { photoIds: '照片还在上传，请稍候再提交' } }
  if (slots.some((s) => s.status === 'failed')) return { ok: false, errors: { photoIds: '有照片没有上传成功，请点“重试”或删除后再提交' } }
  const location =
    draft.location.type === 'pin'
      ? {
          type: 'pin' as const,
          latitude: draft.location.latitude,
          longitude: draft.location.longitude,
          address: draft.location.address,
          buildingId,
        }
      : { type: 'building' as const, buildingId }
  const parsed = createTicketSchema.safeParse({
    clientKey: draft.clientKey,
    kind,
    categoryId: draft.categoryId ?? 0,
    description: draft.description,
    photoIds: uploadedPhotos(slots).map((p) => p.id),
    location,
    contactPhone: blankToUndefined(draft.contactPhone),
    anonymous: draft.anonymous,
  })
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error, FALLBACKS) }
  return { ok: true, input: parsed.data }
}
