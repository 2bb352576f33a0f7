import type { MigrationInterface, QueryRunner } from 'typeorm'

/**
 * Indexes and a column that let one statement decide races that used to be checked and then
 * written. Rows that a lost race already duplicated are resolved first, or the unique indexes
 * could not be made:
 * - ticket_whistle: the first call of a department to a ticket stays, taking over a report or
 *   response only a later duplicate had; the later duplicates go.
 * - message: a later message that repeats an already sent image keeps its place in the
 *   conversation (its seq) but shows as the text [图片] without the upload.
 * - place: the oldest district of a name takes rootName; younger namesakes keep null (they stay
 *   as they are: merging districts would move streets and residents, which is for a person to do).
 * - ticket.lastUrgedAt starts as the time of each ticket's latest 催办, so the daily rule holds
 *   across the upgrade.
 */
export class RaceIndexes1795720000000 implements MigrationInterface {
  name = 'RaceIndexes1795720000000'

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `UPDATE \`ticket_whistle\` k
       JOIN (SELECT \`ticketId\`, \`departmentId\`, MIN(\`id\`) AS \`keepId\` FROM \`ticket_whistle\` GROUP BY \`ticketId\`, \`departmentId\` HAVING COUNT(*) > 1) g ON k.\`id\` = g.\`keepId\`
       JOIN \`ticket_whistle\` d ON d.\`ticketId\` = g.\`ticketId\` AND d.\`departmentId\` = g.\`departmentId\` AND d.\`id\` > g.\`keepId\`
       SET k.\`reportedAt\` = COALESCE(k.\`reportedAt\`, d.\`reportedAt\`), k.\`response\` = COALESCE(k.\`response\`, d.\`response\`), k.\`respondedAt\` = COALESCE(k.\`respondedAt\`, d.\`respondedAt\`)`,
    )
    await q.query(
      `DELETE d FROM \`ticket_whistle\` d
       JOIN (SELECT \`ticketId\`, \`departmentId\`, MIN(\`id\`) AS \`keepId\` FROM \`ticket_whistle\` GROUP BY \`ticketId\`, \`departmentId\`) g
         ON d.\`ticketId\` = g.\`ticketId\` AND d.\`departmentId\` = g.\`departmentId\` AND d.\`id\` > g.\`keepId\``,
    )
    await q.query(`CREATE UNIQUE INDEX \`uq_ticket_whistle_department\` ON \`ticket_whistle\` (\`ticketId\`, \`departmentId\`)`)

    await q.query(`ALTER TABLE \`ticket\` ADD \`lastUrgedAt\` datetime NULL`)
    // updatedAt set to itself: ON UPDATE CURRENT_TIMESTAMP must not mark every urged ticket as changed now.
    await q.query(
      `UPDATE \`ticket\` t JOIN (SELECT \`ticketId\`, MAX(\`createdAt\`) AS \`at\` FROM \`ticket_event\` WHERE \`action\` = 'urge' GROUP BY \`ticketId\`) u ON u.\`ticketId\` = t.\`id\`
       SET t.\`lastUrgedAt\` = u.\`at\`, t.\`updatedAt\` = t.\`updatedAt\``,
    )

    await q.query(
      `UPDATE \`message\` m
       JOIN (SELECT \`uploadId\`, MIN(\`id\`) AS \`keepId\` FROM \`message\` WHERE \`uploadId\` IS NOT NULL GROUP BY \`uploadId\` HAVING COUNT(*) > 1) g ON m.\`uploadId\` = g.\`uploadId\` AND m.\`id\` > g.\`keepId\`
       SET m.\`kind\` = 'text', m.\`text\` = '[图片]', m.\`uploadId\` = NULL`,
    )
    await q.query(`CREATE UNIQUE INDEX \`uq_message_upload\` ON \`message\` (\`uploadId\`)`)

    await q.query(`ALTER TABLE \`place\` ADD \`rootName\` varchar(60) NULL`)
    await q.query(
      `UPDATE \`place\` p JOIN (SELECT MIN(\`id\`) AS \`id\` FROM \`place\` WHERE \`parentId\` IS NULL GROUP BY \`name\`) r ON r.\`id\` = p.\`id\`
       SET p.\`rootName\` = p.\`name\`, p.\`updatedAt\` = p.\`updatedAt\``,
    )
    await q.query(`CREATE UNIQUE INDEX \`uq_place_root_name\` ON \`place\` (\`rootName\`)`)
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX \`uq_place_root_name\` ON \`place\``)
    await q.query(`ALTER TABLE \`place\` DROP COLUMN \`rootName\``)
    // InnoDB let the unique index stand in for fk_message_upload's own; it needs one back first.
    await q.query(`CREATE INDEX \`fk_message_upload\` ON \`message\` (\`uploadId\`)`)
    await q.query(`DROP INDEX \`uq_message_upload\` ON \`message\``)
    await q.query(`ALTER TABLE \`ticket\` DROP COLUMN \`lastUrgedAt\``)
    await q.query(`DROP INDEX \`uq_ticket_whistle_department\` ON \`ticket_whistle\``)
  }
}
