import { In, type EntityManager } from 'typeorm'
import type { DomainEvents } from '../../events'
import { isUniqueViolation } from '../../db/errors'
import { photoInUse } from '../uploads'
import { TicketPhoto } from './entities'

type PhotoRow = Pick<TicketPhoto, 'ticketId' | 'eventId' | 'uploadId' | 'position'>

/** Answers uploads' `uploadsAttaching` (subscribed in app.ts): a photo already on a ticket is refused. */
export async function refuseTicketPhotosInUse({ uploadIds }: DomainEvents['uploadsAttaching'], em: EntityManager): Promise<void> {
  if ((await em.countBy(TicketPhoto, { uploadId: In(uploadIds) })) > 0) throw photoInUse()
}

/**
 * Attaches photos claimed by claimUploads. Its check answers a later try; two requests attaching
 * one photo at the same moment are decided here, by the unique index on ticket_photo.uploadId,
 * and the loser hears the same 400 (its transaction then writes nothing).
 */
export async function insertTicketPhotos(em: EntityManager, rows: PhotoRow[]): Promise<void> {
  if (rows.length === 0) return
  try {
    await em.insert(TicketPhoto, rows)
  } catch (err) {
    if (isUniqueViolation(err)) throw photoInUse()
    throw err
  }
}
