import { createHash } from 'node:crypto'
import { In, IsNull, LessThan, type EntityManager } from 'typeorm'
import type { Photo } from '@anju/shared'
import type { AppContext } from '../../context'
import { isUniqueViolation } from '../../db/errors'
import { AppError, badRequest, forbidden, notFound } from '../../errors/app-error'
import type { SecurityScene, SecuritySuggest } from '../../integrations/wechat/client'
import type { AuthUser } from '../../middleware/auth'
import { claimDue, settleClaim } from '../../db/claim'
import { emit } from '../../events'
import { userById } from '../users'
import { Upload } from './entities'
import { normalizeImage } from './image'
import { CHECK_URL_TTL_S, absoluteUploadUrl, uploadUrl, validContentSignature } from './signed-url'
import { newStorageKey, storageFor } from './storage'

export { uploadUrl } from './signed-url'

export const UPLOAD_PURPOSES = ['ticket', 'message', 'officer_photo'] as const
export type UploadPurpose = (typeof UPLOAD_PURPOSES)[number]
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024

/** WeChat's scenes (1 profile, 2 comment, 3 forum): what each kind of photo is closest to. */
const CHECK_SCENE: Record<UploadPurpose, SecurityScene> = { ticket: 3, message: 2, officer_photo: 1 }

/** The shared `photoSchema` shape, with a URL signed for whoever this is being shown to. */
export function toPhoto(app: AppContext, upload: Upload): Photo {
  return { id: upload.id, url: uploadUrl(app, upload), width: upload.width, height: upload.height, review: upload.review }
}

/**
 * Stores a photo: re-encoded without metadata, kept under a random key, recorded as 'pending',
 * and handed to WeChat's media check, whose verdict arrives later (see wechat-push.ts).
 * With the app's clientKey, a retry — even one racing the first — answers with the first photo:
 * the (owner, clientKey) unique index keeps one row, and the loser deletes the file it stored.
 */
export async function createUpload(
  app: AppContext,
  user: AuthUser,
  purpose: UploadPurpose,
  raw: Buffer,
  clientKey: string | null = null,
): Promise<Photo> {
  if (purpose === 'officer_photo' && user.role === 'resident') throw forbidden('只有工作人员可以上传工作照')
  const firstUpload = () => (clientKey ? app.ds.manager.findOneBy(Upload, { ownerUserId: user.id, clientKey }) : Promise.resolve(null))
  const prior = await firstUpload()
  if (prior) return toPhoto(app, prior)
  // One atomic count shared by all instances (lib/rate-limit.ts), taken before any work.
  await app.limits.consume('uploads', user.id)
  const image = await normalizeImage(raw)
  const storage = storageFor(app)
  const storageKey = newStorageKey(image.ext, app.now())
  await storage.put(storageKey, image.bytes, image.mime)
  let upload: Upload
  try {
    upload = await app.ds.getRepository(Upload).save({
      ownerUserId: user.id,
      purpose,
      storageKey,
      mime: image.mime,
      bytes: image.bytes.length,
      width: image.width,
      height: image.height,
      sha256: createHash('sha256').update(image.bytes).digest('hex'),
      review: 'pending' as const,
      checkTraceId: null,
      checkDetail: null,
      clientKey,
    })
  } catch (err) {
    await storage.delete(storageKey).catch(() => undefined)
    const raced = isUniqueViolation(err) ? await firstUpload() : null
    if (raced) return toPhoto(app, raced)
    throw err
  }
  await startMediaCheck(app, upload, CHECK_SCENE[purpose])
  return toPhoto(app, upload)
}

/**
 * Asks WeChat to check the image. A failure here must not fail the upload: the photo stays
 * 'pending' (shown, as pending photos are) and is logged; `retryPendingMediaChecks` tries again.
 */
async function startMediaCheck(app: AppContext, upload: Upload, scene: SecurityScene): Promise<void> {
  const traceId = await requestMediaCheck(app, upload, scene)
  if (!traceId) return
  await app.ds.manager.update(Upload, { id: upload.id, checkTraceId: IsNull() }, { checkTraceId: traceId })
  upload.checkTraceId = traceId
}

/** The check's trace id, or null (logged) when it could not start. */
async function requestMediaCheck(app: AppContext, upload: Upload, scene: SecurityScene): Promise<string | null> {
  const owner = await userById(app.ds.manager, upload.ownerUserId)
  const mediaUrl = absoluteUploadUrl(app, upload, CHECK_URL_TTL_S)
  if (!owner || !mediaUrl) {
    app.log.warn('media check not started', { uploadId: upload.id, reason: owner ? 'no public base URL' : 'owner missing' })
    return null
  }
  try {
    return (await app.wechat.mediaCheckAsync({ openid: owner.openid, mediaUrl, scene })).traceId
  } catch (err) {
    app.log.warn('media check could not start; the upload stays pending', {
      uploadId: upload.id,
      error: err instanceof Error ? err.message : String(err),
    })
    return null
  }
}

/** How long one instance holds a stuck upload while it asks WeChat again; then another may. */
const MEDIA_RETRY_LOCK_MS = 5 * 60_000

/**
 * The jobs' retry of media checks that could not start (WeChat down): uploads a minute old, still
 * without a trace id. Each is claimed first, so with several instances running WeChat is asked
 * once per upload; one that fails again is handed back for the next round.
 */
export async function retryPendingMediaChecks(app: AppContext): Promise<number> {
  const now = app.now()
  const before = new Date(now.getTime() - 60_000)
  const due = { review: 'pending' as const, checkTraceId: IsNull(), createdAt: LessThan(before) }
  const { token, rows } = await claimDue(app.ds.manager, Upload, due, { now, lockMs: MEDIA_RETRY_LOCK_MS, batch: 50 })
  for (const upload of rows) {
    const traceId = await requestMediaCheck(app, upload, CHECK_SCENE[upload.purpose as UploadPurpose] ?? CHECK_SCENE.ticket)
    await settleClaim(app.ds.manager, Upload, upload.id, token, traceId ? { checkTraceId: traceId } : {})
  }
  return rows.length
}

/**
 * Applies a `wxa_media_check` verdict. Anything but 'pass' holds the photo for people (review
 * means WeChat is unsure: a person should look before strangers see it). Idempotent: WeChat
 * repeats pushes, and the same verdict written twice is the same row. False when no upload
 * carries the trace id (yet): the push is then answered so that WeChat tries again.
 */
export async function recordMediaCheckResult(
  app: AppContext,
  result: { traceId: string; suggest: SecuritySuggest; label: number; strategy?: string },
): Promise<boolean> {
  const review = result.suggest === 'pass' ? 'pass' : 'held'
  const checkDetail = `wechat ${result.suggest} label=${result.label}${result.strategy ? ` by ${result.strategy}` : ''}`.slice(0, 200)
  const res = await app.ds.manager.update(Upload, { checkTraceId: result.traceId }, { review, checkDetail })
  return (res.affected ?? 0) > 0
}

/** The bytes behind a signed content URL; 403 for a bad or expired signature, 404 when gone. */
export async function readSignedContent(app: AppContext, id: number, exp: number, sig: string): Promise<{ bytes: Buffer; mime: string }> {
  if (!validContentSignature(app, id, exp, sig)) throw new AppError(403, 'forbidden', '图片链接无效或已过期')
  const upload = await app.ds.manager.findOne(Upload, { where: { id }, select: { id: true, storageKey: true, mime: true } })
  const bytes = upload ? await storageFor(app).get(upload.storageKey) : null
  if (!upload || !bytes) throw notFound('图片')
  return { bytes, mime: upload.mime }
}

export const photoInUse = () => badRequest('照片已用在其他记录中，请重新上传', { field: 'photoIds' })

/**
 * Validates photos a user attaches (to a new ticket, an action): every id exists, is theirs, was
 * uploaded for this purpose and is not attached anywhere yet (the modules that keep attachments
 * answer `uploadsAttaching`). Returned in the order given. Two requests racing for the same upload
 * are stopped by the unique index of the table that attaches it (ticket_photo.uploadId).
 */
export async function claimUploads(em: EntityManager, ownerUserId: number, ids: number[], purpose: string): Promise<Upload[]> {
  if (ids.length === 0) return []
  if (new Set(ids).size !== ids.length) throw badRequest('同一张照片不能重复添加', { field: 'photoIds' })
  const found = new Map((await em.findBy(Upload, { id: In(ids) })).map((u) => [u.id, u]))
  const uploads = ids.map((id) => found.get(id))
  // Someone else's upload reads as missing: its existence is none of this user's business.
  if (uploads.some((u) => !u || u.ownerUserId !== ownerUserId)) {
    throw badRequest('照片不存在或已失效，请重新上传', { field: 'photoIds' })
  }
  if (uploads.some((u) => u!.purpose !== purpose)) throw badRequest('照片用途不符，请重新上传', { field: 'photoIds' })
  await emit('uploadsAttaching', { uploadIds: ids }, em)
  return uploads as Upload[]
}
