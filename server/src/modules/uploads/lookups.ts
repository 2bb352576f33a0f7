import { In, type EntityManager } from 'typeorm'
import { Upload } from './entities'

export const uploadById = (em: EntityManager, id: number): Promise<Upload | null> => em.findOneBy(Upload, { id })

/** Uploads by id, one statement; ids not found are left out. */
export const uploadsById = (em: EntityManager, ids: number[]): Promise<Upload[]> => em.findBy(Upload, { id: In(ids) })
