import type { MigrationInterface, QueryRunner } from 'typeorm'
import { addForeignKeys, dropForeignKeys } from '../foreign-keys'

/** Foreign keys for the ids the entities hold: no ticket, message or token for a row that is not there. */
export class ForeignKeys1795700000000 implements MigrationInterface {
  name = 'ForeignKeys1795700000000'

  async up(q: QueryRunner): Promise<void> {
    await addForeignKeys(q)
  }

  async down(q: QueryRunner): Promise<void> {
    await dropForeignKeys(q, true)
  }
}
