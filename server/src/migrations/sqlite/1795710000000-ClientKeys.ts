import type { MigrationInterface, QueryRunner } from 'typeorm'

/**
 * Plain ADD/DROP COLUMN rather than the generator's copy-the-table rebuild: a rebuild would
 * recreate these tables from this migration's idea of them, dropping anything an earlier
 * migration (the foreign keys) added.
 */
export class ClientKeys1795710000000 implements MigrationInterface {
  name = 'ClientKeys1795710000000'

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "ticket_event" ADD COLUMN "clientKey" varchar(36)`)
    await q.query(`CREATE UNIQUE INDEX "uq_ticket_event_client_key" ON "ticket_event" ("ticketId", "clientKey") `)
    await q.query(`ALTER TABLE "invite" ADD COLUMN "clientKey" varchar(36)`)
    await q.query(`CREATE UNIQUE INDEX "uq_invite_client_key" ON "invite" ("createdByUserId", "clientKey") `)
    await q.query(`ALTER TABLE "ticket_category" ADD COLUMN "clientKey" varchar(36)`)
    await q.query(`CREATE UNIQUE INDEX "uq_ticket_category_client_key" ON "ticket_category" ("clientKey") `)
    await q.query(`ALTER TABLE "upload" ADD COLUMN "clientKey" varchar(36)`)
    await q.query(`CREATE UNIQUE INDEX "uq_upload_client_key" ON "upload" ("ownerUserId", "clientKey") `)
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "uq_upload_client_key"`)
    await q.query(`ALTER TABLE "upload" DROP COLUMN "clientKey"`)
    await q.query(`DROP INDEX "uq_ticket_category_client_key"`)
    await q.query(`ALTER TABLE "ticket_category" DROP COLUMN "clientKey"`)
    await q.query(`DROP INDEX "uq_invite_client_key"`)
    await q.query(`ALTER TABLE "invite" DROP COLUMN "clientKey"`)
    await q.query(`DROP INDEX "uq_ticket_event_client_key"`)
    await q.query(`ALTER TABLE "ticket_event" DROP COLUMN "clientKey"`)
  }
}
