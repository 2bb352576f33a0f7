import type { MigrationInterface, QueryRunner } from 'typeorm'

export class Messages1795600000000 implements MigrationInterface {
  name = 'Messages1795600000000'

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE \`conversation\` (\`id\` int NOT NULL AUTO_INCREMENT, \`residentUserId\` int NOT NULL, \`buildingId\` int NOT NULL, \`officerUserId\` int NULL, \`districtId\` int NOT NULL, \`streetId\` int NULL, \`communityId\` int NULL, \`gridId\` int NULL, \`lastSeq\` int NOT NULL DEFAULT '0', \`lastMessageAt\` datetime NULL, \`lastPreview\` varchar(60) NULL, \`lastSide\` varchar(8) NULL, \`residentDeliveredSeq\` int NOT NULL DEFAULT '0', \`residentReadSeq\` int NOT NULL DEFAULT '0', \`staffDeliveredSeq\` int NOT NULL DEFAULT '0', \`staffReadSeq\` int NOT NULL DEFAULT '0', \`residentUnread\` int NOT NULL DEFAULT '0', \`officerUnread\` int NOT NULL DEFAULT '0', \`deskUnread\` int NOT NULL DEFAULT '0', \`awaitingSince\` datetime NULL, \`deskCoverSince\` datetime NULL, \`deskCoverReason\` varchar(12) NULL, \`deskId\` int NULL, \`handledAt\` datetime NULL, \`residentNotifiedAt\` datetime NULL, \`staffNotifiedAt\` datetime NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`ix_conversation_awaiting\` (\`awaitingSince\`), INDEX \`ix_conversation_district\` (\`districtId\`, \`lastMessageAt\`), INDEX \`ix_conversation_street\` (\`streetId\`, \`lastMessageAt\`), INDEX \`ix_conversation_officer\` (\`officerUserId\`, \`lastMessageAt\`), UNIQUE INDEX \`uq_conversation_resident_building\` (\`residentUserId\`, \`buildingId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    )
    await q.query(
      `CREATE TABLE \`message\` (\`id\` int NOT NULL AUTO_INCREMENT, \`conversationId\` int NOT NULL, \`seq\` int NOT NULL, \`senderUserId\` int NULL, \`side\` varchar(8) NOT NULL, \`clientId\` varchar(64) NULL, \`kind\` varchar(8) NOT NULL, \`text\` varchar(1000) NULL, \`uploadId\` int NULL, \`ticketId\` int NULL, \`held\` tinyint NOT NULL DEFAULT 0, \`createdAt\` datetime NOT NULL, INDEX \`ix_message_sender_time\` (\`senderUserId\`, \`createdAt\`), UNIQUE INDEX \`uq_message_client\` (\`senderUserId\`, \`clientId\`), UNIQUE INDEX \`uq_message_seq\` (\`conversationId\`, \`seq\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    )
    await q.query(
      `CREATE TABLE \`notice\` (\`id\` int NOT NULL AUTO_INCREMENT, \`authorUserId\` int NOT NULL, \`clientId\` varchar(64) NOT NULL, \`kind\` varchar(12) NOT NULL, \`title\` varchar(40) NOT NULL, \`body\` varchar(1000) NOT NULL, \`buildingCount\` int NOT NULL, \`residentCount\` int NOT NULL, \`readCount\` int NOT NULL DEFAULT '0', \`createdAt\` datetime NOT NULL, UNIQUE INDEX \`uq_notice_client\` (\`authorUserId\`, \`clientId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    )
    await q.query(
      `CREATE TABLE \`notice_building\` (\`noticeId\` int NOT NULL, \`buildingId\` int NOT NULL, INDEX \`ix_notice_building_building\` (\`buildingId\`, \`noticeId\`), PRIMARY KEY (\`noticeId\`, \`buildingId\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    )
    await q.query(
      `CREATE TABLE \`notice_read\` (\`noticeId\` int NOT NULL, \`userId\` int NOT NULL, \`readAt\` datetime NOT NULL, PRIMARY KEY (\`noticeId\`, \`userId\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    )
    await q.query(
      `CREATE TABLE \`canned_reply_list\` (\`userId\` int NOT NULL, \`items\` text NOT NULL, \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), PRIMARY KEY (\`userId\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    )
    await q.query(
      `CREATE TABLE \`subscribe_credit\` (\`userId\` int NOT NULL, \`template\` varchar(16) NOT NULL, \`credits\` int NOT NULL DEFAULT '0', PRIMARY KEY (\`userId\`, \`template\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    )
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE \`subscribe_credit\``)
    await q.query(`DROP TABLE \`canned_reply_list\``)
    await q.query(`DROP TABLE \`notice_read\``)
    await q.query(`DROP INDEX \`ix_notice_building_building\` ON \`notice_building\``)
    await q.query(`DROP TABLE \`notice_building\``)
    await q.query(`DROP INDEX \`uq_notice_client\` ON \`notice\``)
    await q.query(`DROP TABLE \`notice\``)
    await q.query(`DROP INDEX \`uq_message_seq\` ON \`message\``)
    await q.query(`DROP INDEX \`uq_message_client\` ON \`message\``)
    await q.query(`DROP INDEX \`ix_message_sender_time\` ON \`message\``)
    await q.query(`DROP TABLE \`message\``)
    await q.query(`DROP INDEX \`uq_conversation_resident_building\` ON \`conversation\``)
    await q.query(`DROP INDEX \`ix_conversation_officer\` ON \`conversation\``)
    await q.query(`DROP INDEX \`ix_conversation_street\` ON \`conversation\``)
    await q.query(`DROP INDEX \`ix_conversation_district\` ON \`conversation\``)
    await q.query(`DROP INDEX \`ix_conversation_awaiting\` ON \`conversation\``)
    await q.query(`DROP TABLE \`conversation\``)
  }
}
