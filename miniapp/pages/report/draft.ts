import Taro from '@tarojs/taro'
import { photoSchema, type Photo } from '@anju/shared'
import type { ReportKind } from '../../services/tickets'
import { newClientKey } from '../../utils/client-key'

/**
 * The report being written, kept on the device (one per kind) so that a closed page, a lost
 * network or a crash loses nothing. Its clientKey is made once and sent with every submit of
 * this draft: a retried submit gets the first ticket back, never a second.
 */
export type DraftLocation = { type: 'building' } | { type: 'pin'; latitude: number; longitude: number; address: string }

export interface ReportDraft {
  clientKey: string
  categoryId: number | null
  description: string
  /** Uploaded photos only: a file still going up is chosen again if the page closes. */
  photos: Photo[]
  location: DraftLocation
  contactPhone: string
  anonymous: boolean
}

export const draftStorageKey = (kind: ReportKind) => `anju.reportDraft.${kind}`

export function emptyDraft(): ReportDraft {
  return {
    clientKey: newClientKey(),
    categoryId: null,
    description: '',
    photos: [],
    location: { type: 'building' },
    contactPhone: '',
    anonymous: false,
  }
}

/** Whether the draft holds anything the resident wrote or chose. */
export function draftHasContent(draft: ReportDraft): boolean {
  return (
    draft.description.trim() !== '' ||
    draft.photos.length > 0 ||
    draft.categoryId !== null ||
    draft.location.type === 'pin' ||
    draft.contactPhone !== ''
  )
}

export function loadDraft(kind: ReportKind): ReportDraft | null {
  let raw: unknown
  try {
    raw = Taro.getStorageSync(draftStorageKey(kind))
  } catch {
    return null
  }
  if (!raw || typeof raw !== 'object') return null
  const value = raw as Partial<ReportDraft>
  if (typeof value.clientKey !== 'string' || typeof value.description !== 'string') return null
  return {
    clientKey: value.clientKey,
    categoryId: typeof value.categoryId === 'number' ? value.categoryId : null,
    description: value.description,
    photos: Array.isArray(value.photos) ? value.photos.filter((p) => photoSchema.safeParse(p).success) : [],
    location: readLocation(value.location),
    contactPhone: typeof value.contactPhone === 'string' ? value.contactPhone : '',
    anonymous: value.anonymous === true,
  }
}

function readLocation(value: unknown): DraftLocation {
  const pin = value as Partial<Extract<DraftLocation, { type: 'pin' }>> | null
  if (pin?.type === 'pin' && typeof pin.latitude === 'number' && typeof pin.longitude === 'number' && typeof pin.address === 'string') {
    return { type: 'pin', latitude: pin.latitude, longitude: pin.longitude, address: pin.address }
  }
  return { type: 'building' }
}

/** Saved on every change; a storage failure (full, private mode) must not break the form. */
export function saveDraft(kind: ReportKind, draft: ReportDraft): void {
  void Promise.resolve(Taro.setStorage({ key: draftStorageKey(kind), data: draft })).catch(() => undefined)
}

/** Only after the server has the ticket. */
export function clearDraft(kind: ReportKind): void {
  void Promise.resolve(Taro.removeStorage({ key: draftStorageKey(kind) })).catch(() => undefined)
}
