import type { MigrationInterface, QueryRunner } from 'typeorm'

export class MediaCheckClaim1795690000000 implements MigrationInterface {
  name = 'MediaCheckClaim1795690000000'

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE \`upload\` ADD \`lockedUntil\` datetime NULL`)
    await q.query(`ALTER TABLE \`upload\` ADD \`lockedBy\` varchar(40) NULL`)
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE \`upload\` DROP COLUMN \`lockedBy\``)
    await q.query(`ALTER TABLE \`upload\` DROP COLUMN \`lockedUntil\``)
  }
}
