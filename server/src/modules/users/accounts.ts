import { In, Like, type EntityManager } from 'typeorm'
import type { StaffRole } from '@anju/shared'
import { User } from './entities'

/** Accounts as other modules need them: logging in, becoming staff, lists of people by id. */

/**
 * The user of a WeChat openid, with the session key just received; a first login makes a
 * resident. Two first logins at once both insert: the unique openid index keeps one row and the
 * second insert is ignored, so both find the same user.
 */
export async function findOrCreateResidentByOpenid(em: EntityManager, openid: string, sealedSessionKey: string): Promise<User> {
  const user = await em.findOneBy(User, { openid })
  if (user) {
    await em.update(User, { id: user.id }, { wechatSessionKey: sealedSessionKey })
    return user
  }
  await em
    .createQueryBuilder()
    .insert()
    .into(User)
    .values({ openid, role: 'resident', name: '微信用户', scopePlaceId: null, wechatSessionKey: sealedSessionKey })
    .orIgnore()
    .execute()
  return em.findOneByOrFail(User, { openid })
}

/** For ids that must exist (the caller's own account): a missing row throws EntityNotFoundError. */
export const getUser = (em: EntityManager, id: number): Promise<User> => em.findOneByOrFail(User, { id })

/** Users by id, one statement; ids not found are left out. */
export const usersByIds = (em: EntityManager, ids: number[]): Promise<User[]> => em.findBy(User, { id: In(ids) })

export const openidExists = (em: EntityManager, openid: string): Promise<boolean> => em.existsBy(User, { openid })

/** The first `take` accounts whose openid starts with `prefix`, oldest first. */
export const usersByOpenidPrefix = (em: EntityManager, prefix: string, take: number): Promise<User[]> =>
  em.find(User, { where: { openid: Like(`${prefix}%`) }, order: { id: 'ASC' }, take })

/** Gives an account a staff role, the name staff know them by, and the place they serve. */
export async function makeStaff(
  em: EntityManager,
  userId: number,
  staff: { role: StaffRole; name: string; scopePlaceId: number },
): Promise<void> {
  await em.update(User, { id: userId }, staff)
}
