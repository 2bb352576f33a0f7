import type { MigrationInterface, QueryRunner } from 'typeorm'
import { deleteDefaults, insertDefaults } from '../default-categories'

/** Every deployment starts with the seeds' categories, SLAs and departments; the duty desk edits them from there. */
export class DefaultCategories1795500000000 implements MigrationInterface {
  name = 'DefaultCategories1795500000000'

  async up(q: QueryRunner): Promise<void> {
    await insertDefaults(q, '"')
  }

  async down(q: QueryRunner): Promise<void> {
    await deleteDefaults(q, '"')
  }
}
