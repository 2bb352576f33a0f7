import type { EntityManager } from 'typeorm'
import type { Role } from '@anju/shared'
import { Residence, User } from './entities'

/** Writes for the demo seed (demo/seed.ts): each one an upsert, so a seed cut off half-way finishes on the next start. */

/** The account of `openid`, made if missing, with this scope place. */
export async function ensureUser(em: EntityManager, openid: string, role: Role, name: string, scopePlaceId: number | null): Promise<User> {
  const users = em.getRepository(User)
  await users.createQueryBuilder().insert().values({ openid, role, name, scopePlaceId, wechatSessionKey: null }).orIgnore().execute()
  const user = await users.findOneByOrFail({ openid })
  if (user.scopePlaceId !== scopePlaceId) await users.update({ id: user.id }, { scopePlaceId })
  return user
}

export async function setScopePlace(em: EntityManager, userId: number, scopePlaceId: number | null): Promise<void> {
  await em.update(User, { id: userId }, { scopePlaceId })
}

export async function saveResidence(em: EntityManager, residence: Pick<Residence, 'userId' | 'buildingId' | 'unitId'>): Promise<void> {
  await em.upsert(Residence, residence, ['userId'])
}
