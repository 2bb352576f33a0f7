import type { MigrationInterface, QueryRunner } from 'typeorm'

export class Messages1795600000000 implements MigrationInterface {
  name = 'Messages1795600000000'

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "conversation" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "residentUserId" integer NOT NULL, "buildingId" integer NOT NULL, "officerUserId" integer, "districtId" integer NOT NULL, "streetId" integer, "communityId" integer, "gridId" integer, "lastSeq" integer NOT NULL DEFAULT (0), "lastMessageAt" datetime, "lastPreview" varchar(60), "lastSide" varchar(8), "residentDeliveredSeq" integer NOT NULL DEFAULT (0), "residentReadSeq" integer NOT NULL DEFAULT (0), "staffDeliveredSeq" integer NOT NULL DEFAULT (0), "staffReadSeq" integer NOT NULL DEFAULT (0), "residentUnread" integer NOT NULL DEFAULT (0), "officerUnread" integer NOT NULL DEFAULT (0), "deskUnread" integer NOT NULL DEFAULT (0), "awaitingSince" datetime, "deskCoverSince" datetime, "deskCoverReason" varchar(12), "deskId" integer, "handledAt" datetime, "residentNotifiedAt" datetime, "staffNotifiedAt" datetime, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    )
    await q.query(`CREATE INDEX "ix_conversation_awaiting" ON "conversation" ("awaitingSince") `)
    await q.query(`CREATE INDEX "ix_conversation_district" ON "conversation" ("districtId", "lastMessageAt") `)
    await q.query(`CREATE INDEX "ix_conversation_street" ON "conversation" ("streetId", "lastMessageAt") `)
    await q.query(`CREATE INDEX "ix_conversation_officer" ON "conversation" ("officerUserId", "lastMessageAt") `)
    await q.query(`CREATE UNIQUE INDEX "uq_conversation_resident_building" ON "conversation" ("residentUserId", "buildingId") `)
    await q.query(
      `CREATE TABLE "message" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "conversationId" integer NOT NULL, "seq" integer NOT NULL, "senderUserId" integer, "side" varchar(8) NOT NULL, "clientId" varchar(64), "kind" varchar(8) NOT NULL, "text" varchar(1000), "uploadId" integer, "ticketId" integer, "held" boolean NOT NULL DEFAULT (0), "createdAt" datetime NOT NULL)`,
    )
    await q.query(`CREATE INDEX "ix_message_sender_time" ON "message" ("senderUserId", "createdAt") `)
    await q.query(`CREATE UNIQUE INDEX "uq_message_client" ON "message" ("senderUserId", "clientId") `)
    await q.query(`CREATE UNIQUE INDEX "uq_message_seq" ON "message" ("conversationId", "seq") `)
    await q.query(
      `CREATE TABLE "notice" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "authorUserId" integer NOT NULL, "clientId" varchar(64) NOT NULL, "kind" varchar(12) NOT NULL, "title" varchar(40) NOT NULL, "body" varchar(1000) NOT NULL, "buildingCount" integer NOT NULL, "residentCount" integer NOT NULL, "readCount" integer NOT NULL DEFAULT (0), "createdAt" datetime NOT NULL)`,
    )
    await q.query(`CREATE UNIQUE INDEX "uq_notice_client" ON "notice" ("authorUserId", "clientId") `)
    await q.query(
      `CREATE TABLE "notice_building" ("noticeId" integer NOT NULL, "buildingId" integer NOT NULL, PRIMARY KEY ("noticeId", "buildingId"))`,
    )
    await q.query(`CREATE INDEX "ix_notice_building_building" ON "notice_building" ("buildingId", "noticeId") `)
    await q.query(
      `CREATE TABLE "notice_read" ("noticeId" integer NOT NULL, "userId" integer NOT NULL, "readAt" datetime NOT NULL, PRIMARY KEY ("noticeId", "userId"))`,
    )
    await q.query(
      `CREATE TABLE "canned_reply_list" ("userId" integer PRIMARY KEY NOT NULL, "items" text NOT NULL, "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    )
    await q.query(
      `CREATE TABLE "subscribe_credit" ("userId" integer NOT NULL, "template" varchar(16) NOT NULL, "credits" integer NOT NULL DEFAULT (0), PRIMARY KEY ("userId", "template"))`,
    )
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "subscribe_credit"`)
    await q.query(`DROP TABLE "canned_reply_list"`)
    await q.query(`DROP TABLE "notice_read"`)
    await q.query(`DROP INDEX "ix_notice_building_building"`)
    await q.query(`DROP TABLE "notice_building"`)
    await q.query(`DROP INDEX "uq_notice_client"`)
    await q.query(`DROP TABLE "notice"`)
    await q.query(`DROP INDEX "uq_message_seq"`)
    await q.query(`DROP INDEX "uq_message_client"`)
    await q.query(`DROP INDEX "ix_message_sender_time"`)
    await q.query(`DROP TABLE "message"`)
    await q.query(`DROP INDEX "uq_conversation_resident_building"`)
    await q.query(`DROP INDEX "ix_conversation_officer"`)
    await q.query(`DROP INDEX "ix_conversation_street"`)
    await q.query(`DROP INDEX "ix_conversation_district"`)
    await q.query(`DROP INDEX "ix_conversation_awaiting"`)
    await q.query(`DROP TABLE "conversation"`)
  }
}
