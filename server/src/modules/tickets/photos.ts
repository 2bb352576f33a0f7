import type { EntityManager } from 'typeorm'
import { isUniqueViolation } from '../../db/errors'
import { photoInUse } from '../uploads/service'
import { TicketPhoto } from './entities'

type PhotoRow = Pick<TicketPhoto, 'ticketId' | 'eventId' | 'uploadId' | 'position'>

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
