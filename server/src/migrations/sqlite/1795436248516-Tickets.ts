import type { MigrationInterface, QueryRunner } from 'typeorm'

export class Tickets1795436248516 implements MigrationInterface {
  name = 'Tickets1795436248516'

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "outbox_message" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "channel" varchar(24) NOT NULL, "dedupeKey" varchar(80) NOT NULL, "recipientUserId" integer, "payload" text NOT NULL, "status" varchar(8) NOT NULL, "attempts" integer NOT NULL DEFAULT (0), "nextAttemptAt" datetime NOT NULL, "lastError" varchar(300), "sentAt" datetime, "lockedUntil" datetime, "lockedBy" varchar(40), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    )
    await q.query(`CREATE UNIQUE INDEX "uq_outbox_dedupe" ON "outbox_message" ("dedupeKey") `)
    await q.query(`CREATE INDEX "ix_outbox_due" ON "outbox_message" ("status", "nextAttemptAt") `)
    await q.query(
      `CREATE TABLE "ticket" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "clientKey" varchar(36) NOT NULL, "kind" varchar(16) NOT NULL, "categoryId" integer NOT NULL, "status" varchar(16) NOT NULL, "stage" varchar(8) NOT NULL, "slaLevel" smallint NOT NULL DEFAULT (0), "urgent" boolean NOT NULL DEFAULT (0), "description" text NOT NULL, "reporterUserId" integer NOT NULL, "anonymous" boolean NOT NULL DEFAULT (0), "contactPhoneEnc" varchar(200), "placeId" integer NOT NULL, "districtId" integer NOT NULL, "streetId" integer, "communityId" integer, "gridId" integer, "locationText" varchar(160) NOT NULL, "latitude" double, "longitude" double, "level" varchar(12) NOT NULL, "handlerUserId" integer, "deskId" integer, "acceptDueAt" datetime NOT NULL, "resolveDueAt" datetime NOT NULL, "warnAt" datetime NOT NULL, "warnedAt" datetime, "breachedAt" datetime, "acceptedAt" datetime, "resolvedAt" datetime, "closedAt" datetime, "resolution" text, "rejectReason" varchar(500), "rating" varchar(24), "ratingComment" varchar(500), "reopenCount" smallint NOT NULL DEFAULT (0), "onTime" boolean, "subscribed" text NOT NULL, "contentHeld" boolean NOT NULL DEFAULT (0), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    )
    await q.query(`CREATE INDEX "ix_ticket_reporter_user" ON "ticket" ("reporterUserId") `)
    await q.query(`CREATE INDEX "ix_ticket_created" ON "ticket" ("districtId", "createdAt") `)
    await q.query(`CREATE INDEX "ix_ticket_resolve_due" ON "ticket" ("stage", "resolveDueAt") `)
    await q.query(`CREATE INDEX "ix_ticket_accept_due" ON "ticket" ("stage", "acceptDueAt") `)
    await q.query(`CREATE INDEX "ix_ticket_street_sla" ON "ticket" ("streetId", "slaLevel", "id") `)
    await q.query(`CREATE INDEX "ix_ticket_street" ON "ticket" ("streetId", "stage", "id") `)
    await q.query(`CREATE INDEX "ix_ticket_district_sla" ON "ticket" ("districtId", "slaLevel", "id") `)
    await q.query(`CREATE INDEX "ix_ticket_district" ON "ticket" ("districtId", "stage", "id") `)
    await q.query(`CREATE INDEX "ix_ticket_reporter" ON "ticket" ("reporterUserId", "stage", "id") `)
    await q.query(`CREATE INDEX "ix_ticket_handler_sla" ON "ticket" ("handlerUserId", "slaLevel", "id") `)
    await q.query(`CREATE INDEX "ix_ticket_handler" ON "ticket" ("handlerUserId", "stage", "id") `)
    await q.query(`CREATE UNIQUE INDEX "uq_ticket_client_key" ON "ticket" ("reporterUserId", "clientKey") `)
    await q.query(
      `CREATE TABLE "ticket_event" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "ticketId" integer NOT NULL, "actorUserId" integer, "actorText" varchar(40) NOT NULL, "action" varchar(16) NOT NULL, "fromStatus" varchar(16), "toStatus" varchar(16), "note" text, "visibility" varchar(8) NOT NULL, "detail" text, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    )
    await q.query(`CREATE INDEX "ix_ticket_event_ticket" ON "ticket_event" ("ticketId", "id") `)
    await q.query(
      `CREATE TABLE "ticket_photo" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "ticketId" integer NOT NULL, "eventId" integer, "uploadId" integer NOT NULL, "position" smallint NOT NULL)`,
    )
    await q.query(`CREATE UNIQUE INDEX "uq_ticket_photo_upload" ON "ticket_photo" ("uploadId") `)
    await q.query(`CREATE INDEX "ix_ticket_photo_ticket" ON "ticket_photo" ("ticketId", "position") `)
    await q.query(
      `CREATE TABLE "ticket_category" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "kind" varchar(16) NOT NULL, "name" varchar(20) NOT NULL, "sortOrder" integer NOT NULL DEFAULT (100), "active" boolean NOT NULL DEFAULT (1), "routeTo" varchar(16) NOT NULL, "alertDesk" boolean NOT NULL DEFAULT (0), "acceptMinutes" integer NOT NULL, "resolveMinutes" integer NOT NULL, "urgentAcceptMinutes" integer NOT NULL, "urgentResolveMinutes" integer NOT NULL, "warnAtPercent" integer NOT NULL DEFAULT (80), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    )
    await q.query(`CREATE UNIQUE INDEX "uq_ticket_category_name" ON "ticket_category" ("kind", "name") `)
    await q.query(
      `CREATE TABLE "department" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(40) NOT NULL, "phone" varchar(20), "active" boolean NOT NULL DEFAULT (1))`,
    )
    await q.query(`CREATE UNIQUE INDEX "uq_department_name" ON "department" ("name") `)
    await q.query(
      `CREATE TABLE "ticket_whistle" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "ticketId" integer NOT NULL, "departmentId" integer NOT NULL, "calledByUserId" integer NOT NULL, "note" varchar(500), "reportedAt" datetime, "response" varchar(500), "respondedAt" datetime, "calledAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    )
    await q.query(`CREATE INDEX "ix_ticket_whistle_ticket" ON "ticket_whistle" ("ticketId") `)
    await q.query(
      `CREATE TABLE "desk_alert" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "deskId" integer NOT NULL, "ticketId" integer NOT NULL, "kind" varchar(16) NOT NULL, "acknowledgedAt" datetime, "acknowledgedByUserId" integer, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    )
    await q.query(`CREATE UNIQUE INDEX "uq_desk_alert" ON "desk_alert" ("ticketId", "kind", "deskId") `)
    await q.query(`CREATE INDEX "ix_desk_alert_desk" ON "desk_alert" ("deskId", "acknowledgedAt", "id") `)
    await q.query(
      `CREATE TABLE "upload" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "ownerUserId" integer NOT NULL, "purpose" varchar(16) NOT NULL, "storageKey" varchar(120) NOT NULL, "mime" varchar(32) NOT NULL, "bytes" integer NOT NULL, "width" integer, "height" integer, "sha256" varchar(64) NOT NULL, "review" varchar(8) NOT NULL, "checkTraceId" varchar(64), "checkDetail" varchar(200), "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    )
    await q.query(`CREATE INDEX "ix_upload_owner" ON "upload" ("ownerUserId") `)
    await q.query(`CREATE UNIQUE INDEX "uq_upload_storage_key" ON "upload" ("storageKey") `)
    await q.query(`CREATE INDEX "ix_upload_check_trace" ON "upload" ("checkTraceId") `)
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "ix_upload_check_trace"`)
    await q.query(`DROP INDEX "uq_upload_storage_key"`)
    await q.query(`DROP INDEX "ix_upload_owner"`)
    await q.query(`DROP TABLE "upload"`)
    await q.query(`DROP INDEX "ix_desk_alert_desk"`)
    await q.query(`DROP INDEX "uq_desk_alert"`)
    await q.query(`DROP TABLE "desk_alert"`)
    await q.query(`DROP INDEX "ix_ticket_whistle_ticket"`)
    await q.query(`DROP TABLE "ticket_whistle"`)
    await q.query(`DROP INDEX "uq_department_name"`)
    await q.query(`DROP TABLE "department"`)
    await q.query(`DROP INDEX "uq_ticket_category_name"`)
    await q.query(`DROP TABLE "ticket_category"`)
    await q.query(`DROP INDEX "ix_ticket_photo_ticket"`)
    await q.query(`DROP INDEX "uq_ticket_photo_upload"`)
    await q.query(`DROP TABLE "ticket_photo"`)
    await q.query(`DROP INDEX "ix_ticket_event_ticket"`)
    await q.query(`DROP TABLE "ticket_event"`)
    await q.query(`DROP INDEX "uq_ticket_client_key"`)
    await q.query(`DROP INDEX "ix_ticket_handler"`)
    await q.query(`DROP INDEX "ix_ticket_handler_sla"`)
    await q.query(`DROP INDEX "ix_ticket_reporter"`)
    await q.query(`DROP INDEX "ix_ticket_district"`)
    await q.query(`DROP INDEX "ix_ticket_district_sla"`)
    await q.query(`DROP INDEX "ix_ticket_street"`)
    await q.query(`DROP INDEX "ix_ticket_street_sla"`)
    await q.query(`DROP INDEX "ix_ticket_accept_due"`)
    await q.query(`DROP INDEX "ix_ticket_resolve_due"`)
    await q.query(`DROP INDEX "ix_ticket_created"`)
    await q.query(`DROP INDEX "ix_ticket_reporter_user"`)
    await q.query(`DROP TABLE "ticket"`)
    await q.query(`DROP INDEX "ix_outbox_due"`)
    await q.query(`DROP INDEX "uq_outbox_dedupe"`)
    await q.query(`DROP TABLE "outbox_message"`)
  }
}
