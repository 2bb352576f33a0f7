import type { EntityManager } from 'typeorm'
import { onReferenceDataChanged } from '../../db/reference-data'
import { TtlCache, cachePerDataSource } from '../../lib/ttl-cache'
import { TicketCategoryRow } from './entities'

// Categories are read on every submit and list; category edits say when they change.
const categories = cachePerDataSource(() => new TtlCache<'all', TicketCategoryRow[]>(30_000, 1))
onReferenceDataChanged((ds) => categories(ds).clear())

export const allCategories = (em: EntityManager): Promise<TicketCategoryRow[]> =>
  categories(em.connection).get('all', () => em.find(TicketCategoryRow, { order: { kind: 'ASC', sortOrder: 'ASC', id: 'ASC' } }))
