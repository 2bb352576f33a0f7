import { In, type EntityManager } from 'typeorm'
import { User } from './entities'

/** Whether the account still exists: a token outlives a deleted account by minutes. */
export const userExists = (em: EntityManager, id: number): Promise<boolean> => em.existsBy(User, { id })

/** Users by WeChat openid, one statement; openids not found are left out (the demo finds its people this way). */
export const usersByOpenid = (em: EntityManager, openids: string[]): Promise<User[]> => em.findBy(User, { openid: In(openids) })
