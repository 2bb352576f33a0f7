import type { MigrationInterface, QueryRunner } from 'typeorm'

export class MediaCheckClaim1795690000000 implements MigrationInterface {
  name = 'MediaCheckClaim1795690000000'

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "ix_upload_check_trace"`)
    await q.query(`DROP INDEX "uq_upload_storage_key"`)
    await q.query(`DROP INDEX "ix_upload_owner"`)
    await q.query(
      `CREATE TABLE "temporary_upload" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "ownerUserId" integer NOT NULL, "purpose" varchar(16) NOT NULL, "storageKey" varchar(120) NOT NULL, "mime" varchar(32) NOT NULL, "bytes" integer NOT NULL, "width" integer, "height" integer, "sha256" varchar(64) NOT NULL, "review" varchar(8) NOT NULL, "checkTraceId" varchar(64), "checkDetail" varchar(200), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "lockedUntil" datetime, "lockedBy" varchar(40))`,
    )
    await q.query(
      `INSERT INTO "temporary_upload"("id", "ownerUserId", "purpose", "storageKey", "mime", "bytes", "width", "height", "sha256", "review", "checkTraceId", "checkDetail", "createdAt") SELECT "id", "ownerUserId", "purpose", "storageKey", "mime", "bytes", "width", "height", "sha256", "review", "checkTraceId", "checkDetail", "createdAt" FROM "upload"`,
    )
    await q.query(`DROP TABLE "upload"`)
    await q.query(`ALTER TABLE "temporary_upload" RENAME TO "upload"`)
    await q.query(`CREATE INDEX "ix_upload_check_trace" ON "upload" ("checkTraceId") `)
    await q.query(`CREATE UNIQUE INDEX "uq_upload_storage_key" ON "upload" ("storageKey") `)
    await q.query(`CREATE INDEX "ix_upload_owner" ON "upload" ("ownerUserId") `)
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "ix_upload_owner"`)
    await q.query(`DROP INDEX "uq_upload_storage_key"`)
    await q.query(`DROP INDEX "ix_upload_check_trace"`)
    await q.query(`ALTER TABLE "upload" RENAME TO "temporary_upload"`)
    await q.query(
      `CREATE TABLE "upload" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "ownerUserId" integer NOT NULL, "purpose" varchar(16) NOT NULL, "storageKey" varchar(120) NOT NULL, "mime" varchar(32) NOT NULL, "bytes" integer NOT NULL, "width" integer, "height" integer, "sha256" varchar(64) NOT NULL, "review" varchar(8) NOT NULL, "checkTraceId" varchar(64), "checkDetail" varchar(200), "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    )
    await q.query(
      `INSERT INTO "upload"("id", "ownerUserId", "purpose", "storageKey", "mime", "bytes", "width", "height", "sha256", "review", "checkTraceId", "checkDetail", "createdAt") SELECT "id", "ownerUserId", "purpose", "storageKey", "mime", "bytes", "width", "height", "sha256", "review", "checkTraceId", "checkDetail", "createdAt" FROM "temporary_upload"`,
    )
    await q.query(`DROP TABLE "temporary_upload"`)
    await q.query(`CREATE INDEX "ix_upload_owner" ON "upload" ("ownerUserId") `)
    await q.query(`CREATE UNIQUE INDEX "uq_upload_storage_key" ON "upload" ("storageKey") `)
    await q.query(`CREATE INDEX "ix_upload_check_trace" ON "upload" ("checkTraceId") `)
  }
}
