import type { EntityManager } from 'typeorm'
import { DutyDesk, OfficerProfile } from './entities'

/** Writes for the demo seed (demo/seed.ts): each one an upsert, so a seed cut off half-way finishes on the next start. */

export async function saveOfficerProfile(em: EntityManager, profile: Omit<OfficerProfile, 'updatedAt'>): Promise<void> {
  await em.upsert(OfficerProfile, profile, ['userId'])
}

export async function setOfficerStation(em: EntityManager, userId: number, station: string): Promise<void> {
  await em.update(OfficerProfile, { userId }, { station })
}

/** Desks already there (by place) are left as they are. */
export async function addDutyDesks(em: EntityManager, desks: Array<Pick<DutyDesk, 'placeId' | 'name' | 'phone'>>): Promise<void> {
  await em.getRepository(DutyDesk).createQueryBuilder().insert().values(desks).orIgnore().execute()
}
