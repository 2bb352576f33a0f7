import type { EntityManager } from 'typeorm'
import { User } from './entities'

export const userById = (em: EntityManager, id: number): Promise<User | null> => em.findOneBy(User, { id })
