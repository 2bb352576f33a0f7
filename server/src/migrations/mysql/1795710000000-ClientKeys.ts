import type { MigrationInterface, QueryRunner } from 'typeorm'

export class ClientKeys1795710000000 implements MigrationInterface {
  name = 'ClientKeys1795710000000'

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE \`ticket_event\` ADD \`clientKey\` varchar(36) NULL`)
    await q.query(`CREATE UNIQUE INDEX \`uq_ticket_event_client_key\` ON \`ticket_event\` (\`ticketId\`, \`clientKey\`)`)
    await q.query(`ALTER TABLE \`invite\` ADD \`clientKey\` varchar(36) NULL`)
    await q.query(`CREATE UNIQUE INDEX \`uq_invite_client_key\` ON \`invite\` (\`createdByUserId\`, \`clientKey\`)`)
    await q.query(`ALTER TABLE \`ticket_category\` ADD \`clientKey\` varchar(36) NULL`)
    await q.query(`CREATE UNIQUE INDEX \`uq_ticket_category_client_key\` ON \`ticket_category\` (\`clientKey\`)`)
    await q.query(`ALTER TABLE \`upload\` ADD \`clientKey\` varchar(36) NULL`)
    await q.query(`CREATE UNIQUE INDEX \`uq_upload_client_key\` ON \`upload\` (\`ownerUserId\`, \`clientKey\`)`)
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX \`uq_upload_client_key\` ON \`upload\``)
    await q.query(`ALTER TABLE \`upload\` DROP COLUMN \`clientKey\``)
    await q.query(`DROP INDEX \`uq_ticket_category_client_key\` ON \`ticket_category\``)
    await q.query(`ALTER TABLE \`ticket_category\` DROP COLUMN \`clientKey\``)
    await q.query(`DROP INDEX \`uq_invite_client_key\` ON \`invite\``)
    await q.query(`ALTER TABLE \`invite\` DROP COLUMN \`clientKey\``)
    await q.query(`DROP INDEX \`uq_ticket_event_client_key\` ON \`ticket_event\``)
    await q.query(`ALTER TABLE \`ticket_event\` DROP COLUMN \`clientKey\``)
  }
}
