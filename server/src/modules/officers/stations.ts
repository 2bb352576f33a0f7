import type { EntityManager } from 'typeorm'
import { OfficerProfile } from './entities'

/** The station on an officer's profile ('' when not set), or null when they have no profile. */
export const officerStation = async (em: EntityManager, userId: number): Promise<string | null> =>
  (await em.findOneBy(OfficerProfile, { userId }))?.station ?? null
