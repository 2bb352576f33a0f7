import type { MigrationInterface, QueryRunner } from 'typeorm'

export class Tickets1795436248516 implements MigrationInterface {
  name = 'Tickets1795436248516'

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE \`outbox_message\` (\`id\` int NOT NULL AUTO_INCREMENT, \`channel\` varchar(24) NOT NULL, \`dedupeKey\` varchar(80) NOT NULL, \`recipientUserId\` int NULL, \`payload\` text NOT NULL, \`status\` varchar(8) NOT NULL, \`attempts\` int NOT NULL DEFAULT '0', \`nextAttemptAt\` datetime NOT NULL, \`lastError\` varchar(300) NULL, \`sentAt\` datetime NULL, \`lockedUntil\` datetime NULL, \`lockedBy\` varchar(40) NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX \`uq_outbox_dedupe\` (\`dedupeKey\`), INDEX \`ix_outbox_due\` (\`status\`, \`nextAttemptAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    )
    await q.query(
      `CREATE TABLE \`ticket\` (\`id\` int NOT NULL AUTO_INCREMENT, \`clientKey\` varchar(36) NOT NULL, \`kind\` varchar(16) NOT NULL, \`categoryId\` int NOT NULL, \`status\` varchar(16) NOT NULL, \`stage\` varchar(8) NOT NULL, \`slaLevel\` smallint NOT NULL DEFAULT '0', \`urgent\` tinyint NOT NULL DEFAULT 0, \`description\` text NOT NULL, \`reporterUserId\` int NOT NULL, \`anonymous\` tinyint NOT NULL DEFAULT 0, \`contactPhoneEnc\` varchar(200) NULL, \`placeId\` int NOT NULL, \`districtId\` int NOT NULL, \`streetId\` int NULL, \`communityId\` int NULL, \`gridId\` int NULL, \`locationText\` varchar(160) NOT NULL, \`latitude\` double NULL, \`longitude\` double NULL, \`level\` varchar(12) NOT NULL, \`handlerUserId\` int NULL, \`deskId\` int NULL, \`acceptDueAt\` datetime NOT NULL, \`resolveDueAt\` datetime NOT NULL, \`warnAt\` datetime NOT NULL, \`warnedAt\` datetime NULL, \`breachedAt\` datetime NULL, \`acceptedAt\` datetime NULL, \`resolvedAt\` datetime NULL, \`closedAt\` datetime NULL, \`resolution\` text NULL, \`rejectReason\` varchar(500) NULL, \`rating\` varchar(24) NULL, \`ratingComment\` varchar(500) NULL, \`reopenCount\` smallint NOT NULL DEFAULT '0', \`onTime\` tinyint NULL, \`subscribed\` text NOT NULL, \`contentHeld\` tinyint NOT NULL DEFAULT 0, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`ix_ticket_reporter_user\` (\`reporterUserId\`), INDEX \`ix_ticket_created\` (\`districtId\`, \`createdAt\`), INDEX \`ix_ticket_resolve_due\` (\`stage\`, \`resolveDueAt\`), INDEX \`ix_ticket_accept_due\` (\`stage\`, \`acceptDueAt\`), INDEX \`ix_ticket_street_sla\` (\`streetId\`, \`slaLevel\`, \`id\`), INDEX \`ix_ticket_street\` (\`streetId\`, \`stage\`, \`id\`), INDEX \`ix_ticket_district_sla\` (\`districtId\`, \`slaLevel\`, \`id\`), INDEX \`ix_ticket_district\` (\`districtId\`, \`stage\`, \`id\`), INDEX \`ix_ticket_reporter\` (\`reporterUserId\`, \`stage\`, \`id\`), INDEX \`ix_ticket_handler_sla\` (\`handlerUserId\`, \`slaLevel\`, \`id\`), INDEX \`ix_ticket_handler\` (\`handlerUserId\`, \`stage\`, \`id\`), UNIQUE INDEX \`uq_ticket_client_key\` (\`reporterUserId\`, \`clientKey\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    )
    await q.query(
      `CREATE TABLE \`ticket_event\` (\`id\` int NOT NULL AUTO_INCREMENT, \`ticketId\` int NOT NULL, \`actorUserId\` int NULL, \`actorText\` varchar(40) NOT NULL, \`action\` varchar(16) NOT NULL, \`fromStatus\` varchar(16) NULL, \`toStatus\` varchar(16) NULL, \`note\` text NULL, \`visibility\` varchar(8) NOT NULL, \`detail\` text NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`ix_ticket_event_ticket\` (\`ticketId\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    )
    await q.query(
      `CREATE TABLE \`ticket_photo\` (\`id\` int NOT NULL AUTO_INCREMENT, \`ticketId\` int NOT NULL, \`eventId\` int NULL, \`uploadId\` int NOT NULL, \`position\` smallint NOT NULL, UNIQUE INDEX \`uq_ticket_photo_upload\` (\`uploadId\`), INDEX \`ix_ticket_photo_ticket\` (\`ticketId\`, \`position\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    )
    await q.query(
      `CREATE TABLE \`ticket_category\` (\`id\` int NOT NULL AUTO_INCREMENT, \`kind\` varchar(16) NOT NULL, \`name\` varchar(20) NOT NULL, \`sortOrder\` int NOT NULL DEFAULT '100', \`active\` tinyint NOT NULL DEFAULT 1, \`routeTo\` varchar(16) NOT NULL, \`alertDesk\` tinyint NOT NULL DEFAULT 0, \`acceptMinutes\` int NOT NULL, \`resolveMinutes\` int NOT NULL, \`urgentAcceptMinutes\` int NOT NULL, \`urgentResolveMinutes\` int NOT NULL, \`warnAtPercent\` int NOT NULL DEFAULT '80', \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX \`uq_ticket_category_name\` (\`kind\`, \`name\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    )
    await q.query(
      `CREATE TABLE \`department\` (\`id\` int NOT NULL AUTO_INCREMENT, \`name\` varchar(40) NOT NULL, \`phone\` varchar(20) NULL, \`active\` tinyint NOT NULL DEFAULT 1, UNIQUE INDEX \`uq_department_name\` (\`name\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    )
    await q.query(
      `CREATE TABLE \`ticket_whistle\` (\`id\` int NOT NULL AUTO_INCREMENT, \`ticketId\` int NOT NULL, \`departmentId\` int NOT NULL, \`calledByUserId\` int NOT NULL, \`note\` varchar(500) NULL, \`reportedAt\` datetime NULL, \`response\` varchar(500) NULL, \`respondedAt\` datetime NULL, \`calledAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`ix_ticket_whistle_ticket\` (\`ticketId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    )
    await q.query(
      `CREATE TABLE \`desk_alert\` (\`id\` int NOT NULL AUTO_INCREMENT, \`deskId\` int NOT NULL, \`ticketId\` int NOT NULL, \`kind\` varchar(16) NOT NULL, \`acknowledgedAt\` datetime NULL, \`acknowledgedByUserId\` int NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX \`uq_desk_alert\` (\`ticketId\`, \`kind\`, \`deskId\`), INDEX \`ix_desk_alert_desk\` (\`deskId\`, \`acknowledgedAt\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    )
    await q.query(
      `CREATE TABLE \`upload\` (\`id\` int NOT NULL AUTO_INCREMENT, \`ownerUserId\` int NOT NULL, \`purpose\` varchar(16) NOT NULL, \`storageKey\` varchar(120) NOT NULL, \`mime\` varchar(32) NOT NULL, \`bytes\` int NOT NULL, \`width\` int NULL, \`height\` int NULL, \`sha256\` varchar(64) NOT NULL, \`review\` varchar(8) NOT NULL, \`checkTraceId\` varchar(64) NULL, \`checkDetail\` varchar(200) NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`ix_upload_owner\` (\`ownerUserId\`), UNIQUE INDEX \`uq_upload_storage_key\` (\`storageKey\`), INDEX \`ix_upload_check_trace\` (\`checkTraceId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    )
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX \`ix_upload_check_trace\` ON \`upload\``)
    await q.query(`DROP INDEX \`uq_upload_storage_key\` ON \`upload\``)
    await q.query(`DROP INDEX \`ix_upload_owner\` ON \`upload\``)
    await q.query(`DROP TABLE \`upload\``)
    await q.query(`DROP INDEX \`ix_desk_alert_desk\` ON \`desk_alert\``)
    await q.query(`DROP INDEX \`uq_desk_alert\` ON \`desk_alert\``)
    await q.query(`DROP TABLE \`desk_alert\``)
    await q.query(`DROP INDEX \`ix_ticket_whistle_ticket\` ON \`ticket_whistle\``)
    await q.query(`DROP TABLE \`ticket_whistle\``)
    await q.query(`DROP INDEX \`uq_department_name\` ON \`department\``)
    await q.query(`DROP TABLE \`department\``)
    await q.query(`DROP INDEX \`uq_ticket_category_name\` ON \`ticket_category\``)
    await q.query(`DROP TABLE \`ticket_category\``)
    await q.query(`DROP INDEX \`ix_ticket_photo_ticket\` ON \`ticket_photo\``)
    await q.query(`DROP INDEX \`uq_ticket_photo_upload\` ON \`ticket_photo\``)
    await q.query(`DROP TABLE \`ticket_photo\``)
    await q.query(`DROP INDEX \`ix_ticket_event_ticket\` ON \`ticket_event\``)
    await q.query(`DROP TABLE \`ticket_event\``)
    await q.query(`DROP INDEX \`uq_ticket_client_key\` ON \`ticket\``)
    await q.query(`DROP INDEX \`ix_ticket_handler\` ON \`ticket\``)
    await q.query(`DROP INDEX \`ix_ticket_handler_sla\` ON \`ticket\``)
    await q.query(`DROP INDEX \`ix_ticket_reporter\` ON \`ticket\``)
    await q.query(`DROP INDEX \`ix_ticket_district\` ON \`ticket\``)
    await q.query(`DROP INDEX \`ix_ticket_district_sla\` ON \`ticket\``)
    await q.query(`DROP INDEX \`ix_ticket_street\` ON \`ticket\``)
    await q.query(`DROP INDEX \`ix_ticket_street_sla\` ON \`ticket\``)
    await q.query(`DROP INDEX \`ix_ticket_accept_due\` ON \`ticket\``)
    await q.query(`DROP INDEX \`ix_ticket_resolve_due\` ON \`ticket\``)
    await q.query(`DROP INDEX \`ix_ticket_created\` ON \`ticket\``)
    await q.query(`DROP INDEX \`ix_ticket_reporter_user\` ON \`ticket\``)
    await q.query(`DROP TABLE \`ticket\``)
    await q.query(`DROP INDEX \`ix_outbox_due\` ON \`outbox_message\``)
    await q.query(`DROP INDEX \`uq_outbox_dedupe\` ON \`outbox_message\``)
    await q.query(`DROP TABLE \`outbox_message\``)
  }
}
