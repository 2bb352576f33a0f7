import { In, type EntityManager } from 'typeorm'
import { User } from './entities'

export const userById = (em: EntityManager, id: number): Promise<User | null> => em.findOneBy(User, { id })

/** Users' names by id as they stand now (uncached, unlike names.ts), one statement; ids not found are left out. */
export async function currentUserNames(em: EntityManager, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map()
  const users = await em.find(User, { where: { id: In(ids) }, select: { id: true, name: true } })
  return new Map(users.map((u) => [u.id, u.name]))
}
