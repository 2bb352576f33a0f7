import type { MigrationInterface, QueryRunner } from 'typeorm'
import { DEFAULT_CATEGORIES, DEFAULT_DEPARTMENTS } from '../default-categories'

/** Every deployment starts with the seeds' categories, SLAs and departments; the duty desk edits them from there. */
export class DefaultCategories1795500000000 implements MigrationInterface {
  name = 'DefaultCategories1795500000000'

  async up(q: QueryRunner): Promise<void> {
    for (const c of DEFAULT_CATEGORIES) {
      await q.query(
        'INSERT INTO `ticket_category` (`kind`, `name`, `sortOrder`, `active`, `routeTo`, `alertDesk`, `acceptMinutes`, `resolveMinutes`, `urgentAcceptMinutes`, `urgentResolveMinutes`, `warnAtPercent`) VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, 80)',
        [c.kind, c.name, c.sortOrder, c.routeTo, c.alertDesk ? 1 : 0, c.accept, c.resolve, c.urgentAccept, c.urgentResolve],
      )
    }
    for (const d of DEFAULT_DEPARTMENTS) await q.query('INSERT INTO `department` (`name`, `phone`, `active`) VALUES (?, ?, 1)', [d.name, d.phone])
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DELETE FROM `department`')
    await q.query('DELETE FROM `ticket_category`')
  }
}
