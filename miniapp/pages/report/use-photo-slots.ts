import { useCallback, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { MAX_TICKET_PHOTOS, type Photo } from '@anju/shared'
import { messageOf } from '../../services/request'
import { uploadReportPhoto } from '../../services/tickets'
import { resolveAssetUrl } from '../../utils/asset-url'
import { newClientKey } from '../../utils/client-key'

/** One photo on the form: going up, up (with the server's Photo), or failed (tap to retry). */
export interface PhotoSlot {
  /** For a chosen file, also the upload's clientKey: a retry of the slot is the same upload to the server. */
  key: string
  /** What the thumbnail shows: the local file while uploading, the server's URL after. */
  src: string
  status: 'uploading' | 'done' | 'failed'
  percent: number
  photo?: Photo
  error?: string
}

export interface PhotoSlots {
  slots: PhotoSlot[]
  room: number
  add: () => Promise<void>
  retry: (key: string) => void
  remove: (key: string) => void
  /** Shows the photos of a restored draft. */
  reset: (photos: Photo[]) => void
}

let counter = 0
const nextKey = () => `photo-${++counter}`
const fromPhoto = (photo: Photo): PhotoSlot => ({ key: nextKey(), src: resolveAssetUrl(photo.url), status: 'done', percent: 100, photo })
export const uploadedPhotos = (slots: PhotoSlot[]): Photo[] => slots.flatMap((s) => (s.status === 'done' && s.photo ? [s.photo] : []))

/**
 * Each chosen photo is uploaded at once, so that submitting sends only ids. `onPhotos` gets the
 * uploaded photos whenever they change, for the draft.
 */
export function usePhotoSlots(initial: Photo[], onPhotos: (photos: Photo[]) => void): PhotoSlots {
  const [slots, setSlots] = useState<PhotoSlot[]>(() => initial.map(fromPhoto))
  const current = useRef<PhotoSlot[]>(slots)
  const onPhotosRef = useRef(onPhotos)
  onPhotosRef.current = onPhotos

  const apply = useCallback((change: (list: PhotoSlot[]) => PhotoSlot[]) => {
    current.current = change(current.current)
    setSlots(current.current)
    return current.current
  }, [])

  const patch = useCallback(
    (key: string, values: Partial<PhotoSlot>) => apply((list) => list.map((s) => (s.key === key ? { ...s, ...values } : s))),
    [apply],
  )

  const start = useCallback(
    (slot: PhotoSlot, path: string) => {
      uploadReportPhoto(path, slot.key, (percent) => patch(slot.key, { percent }))
        .then((photo) => {
          if (!current.current.some((s) => s.key === slot.key)) return // removed meanwhile
          onPhotosRef.current(uploadedPhotos(patch(slot.key, { status: 'done', percent: 100, photo })))
        })
        .catch((err: unknown) => patch(slot.key, { status: 'failed', error: messageOf(err) }))
    },
    [patch],
  )

  const paths = useRef(new Map<string, string>())

  const add = useCallback(async () => {
    const room = MAX_TICKET_PHOTOS - current.current.length
    if (room <= 0) return
    let chosen: Taro.chooseMedia.SuccessCallbackResult
    try {
      chosen = await Taro.chooseMedia({ count: room, mediaType: ['image'], sizeType: ['compressed'] })
    } catch {
      return // the resident cancelled
    }
    // Another choice may have landed meanwhile; never more than nine.
    const files = chosen.tempFiles.slice(0, MAX_TICKET_PHOTOS - current.current.length)
    const added = files.map((file): PhotoSlot => ({ key: newClientKey(), src: file.tempFilePath, status: 'uploading', percent: 0 }))
    apply((list) => [...list, ...added])
    added.forEach((slot) => {
      paths.current.set(slot.key, slot.src)
      start(slot, slot.src)
    })
  }, [apply, start])

  const retry = useCallback(
    (key: string) => {
      const slot = current.current.find((s) => s.key === key)
      const path = paths.current.get(key)
      if (!slot || !path) return
      patch(key, { status: 'uploading', percent: 0, error: undefined })
      start(slot, path)
    },
    [patch, start],
  )

  const remove = useCallback(
    (key: string) => {
      paths.current.delete(key)
      onPhotosRef.current(uploadedPhotos(apply((list) => list.filter((s) => s.key !== key))))
    },
    [apply],
  )

  const reset = useCallback(
    (photos: Photo[]) => {
      paths.current.clear()
      apply(() => photos.map(fromPhoto))
    },
    [apply],
  )

  return { slots, room: MAX_TICKET_PHOTOS - slots.length, add, retry, remove, reset }
}
