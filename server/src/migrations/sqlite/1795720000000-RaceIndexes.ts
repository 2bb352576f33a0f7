import type { MigrationInterface, QueryRunner } from 'typeorm'

/**
 * Indexes and a column that let one statement decide races that used to be checked and then
 * written; see the MySQL migration of the same name for how rows a lost race already duplicated
 * are resolved first. Plain CREATE INDEX and ADD/DROP COLUMN, never the generator's table
 * rebuild, which would drop the foreign keys an earlier migration added.
 */
export class RaceIndexes1795720000000 implements MigrationInterface {
  name = 'RaceIndexes1795720000000'

  async up(q: QueryRunner): Promise<void> {
    const first = (col: string) =>
      `(SELECT d."${col}" FROM "ticket_whistle" d WHERE d."ticketId" = "ticket_whistle"."ticketId" AND d."departmentId" = "ticket_whistle"."departmentId" AND d."${col}" IS NOT NULL ORDER BY d."id" LIMIT 1)`
    await q.query(
      `UPDATE "ticket_whistle" SET "reportedAt" = COALESCE("reportedAt", ${first('reportedAt')}), "response" = COALESCE("response", ${first('response')}), "respondedAt" = COALESCE("respondedAt", ${first('respondedAt')})
       WHERE "id" IN (SELECT MIN("id") FROM "ticket_whistle" GROUP BY "ticketId", "departmentId" HAVING COUNT(*) > 1)`,
    )
    await q.query(
      `DELETE FROM "ticket_whistle" WHERE "id" NOT IN (SELECT MIN("id") FROM "ticket_whistle" GROUP BY "ticketId", "departmentId")`,
    )
    await q.query(`CREATE UNIQUE INDEX "uq_ticket_whistle_department" ON "ticket_whistle" ("ticketId", "departmentId") `)

    await q.query(`ALTER TABLE "ticket" ADD COLUMN "lastUrgedAt" datetime`)
    await q.query(
      `UPDATE "ticket" SET "lastUrgedAt" = (SELECT MAX(e."createdAt") FROM "ticket_event" e WHERE e."ticketId" = "ticket"."id" AND e."action" = 'urge')`,
    )

    await q.query(
      `UPDATE "message" SET "kind" = 'text', "text" = '[图片]', "uploadId" = NULL
       WHERE "uploadId" IS NOT NULL AND "id" NOT IN (SELECT MIN("id") FROM "message" WHERE "uploadId" IS NOT NULL GROUP BY "uploadId")`,
    )
    await q.query(`CREATE UNIQUE INDEX "uq_message_upload" ON "message" ("uploadId") `)

    await q.query(`ALTER TABLE "place" ADD COLUMN "rootName" varchar(60)`)
    await q.query(
      `UPDATE "place" SET "rootName" = "name" WHERE "id" IN (SELECT MIN("id") FROM "place" WHERE "parentId" IS NULL GROUP BY "name")`,
    )
    await q.query(`CREATE UNIQUE INDEX "uq_place_root_name" ON "place" ("rootName") `)
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "uq_place_root_name"`)
    await q.query(`ALTER TABLE "place" DROP COLUMN "rootName"`)
    await q.query(`DROP INDEX "uq_message_upload"`)
    await q.query(`ALTER TABLE "ticket" DROP COLUMN "lastUrgedAt"`)
    await q.query(`DROP INDEX "uq_ticket_whistle_department"`)
  }
}
