import type { DataSource, QueryRunner } from 'typeorm'
import { createDataSource } from '../db/data-source'
import { scratchDatabase } from '../test/harness'

/**
 * RaceIndexes adds unique indexes a lost race may already have broken: a database holding such
 * duplicates must still upgrade, keeping the first of each and the information of the others.
 */
const NAME = 'RaceIndexes1795720000000'

async function undoUntilBefore(ds: DataSource, name: string): Promise<void> {
  const applied = async () => ((await ds.query(`SELECT name FROM migrations`)) as Array<{ name: string }>).some((m) => m.name === name)
  while (await applied()) await ds.undoLastMigration()
}

describe('migration RaceIndexes on a database with duplicates', () => {
  it('keeps the first whistle with the later report, one message per image, one district per name, and the last urge', async () => {
    const db = await scratchDatabase()
    const ds = await createDataSource(db.config)
    await ds.initialize()
    const mysql = db.config.type === 'mysql'
    const sql = (s: string) => (mysql ? s.replace(/"/g, '`') : s)
    let q: QueryRunner | null = null
    try {
      await ds.runMigrations()
      await undoUntilBefore(ds, NAME)
      q = ds.createQueryRunner()
      await q.query(mysql ? 'SET FOREIGN_KEY_CHECKS = 0' : 'PRAGMA foreign_keys = OFF')
      const run = (s: string) => q!.query(sql(s))
      await run(
        `INSERT INTO "place" ("id", "parentId", "level", "name") VALUES (1, NULL, 'district', '新城区'), (2, NULL, 'district', '新城区'), (3, NULL, 'district', '老城区')`,
      )
      await run(`INSERT INTO "ticket_whistle" ("id", "ticketId", "departmentId", "calledByUserId", "reportedAt", "response", "respondedAt", "calledAt") VALUES
        (1, 7, 3, 1, NULL, NULL, NULL, '2026-01-01 10:00:00'), (2, 7, 3, 1, '2026-01-01 11:00:00', '已到场', '2026-01-01 12:00:00', '2026-01-01 10:00:00'), (3, 7, 4, 1, NULL, NULL, NULL, '2026-01-01 10:00:00')`)
      await run(`INSERT INTO "message" ("id", "conversationId", "seq", "senderUserId", "side", "clientId", "kind", "text", "uploadId", "held", "createdAt") VALUES
        (1, 1, 1, 1, 'resident', 'a', 'image', NULL, 9, 0, '2026-01-01 10:00:00'), (2, 1, 2, 1, 'resident', 'b', 'image', NULL, 9, 0, '2026-01-01 10:00:00')`)
      await run(`INSERT INTO "ticket" ("id", "clientKey", "kind", "categoryId", "status", "stage", "description", "reporterUserId", "placeId", "districtId", "locationText", "level", "acceptDueAt", "resolveDueAt", "warnAt", "subscribed")
        VALUES (7, 'k', 'hazard', 1, 'accepted', 'active', '楼道堆物', 1, 1, 1, '1号楼', 'community', '2026-01-01 10:00:00', '2026-01-02 10:00:00', '2026-01-02 08:00:00', '[]')`)
      await run(`INSERT INTO "ticket_event" ("ticketId", "actorText", "action", "visibility", "createdAt") VALUES
        (7, '居民', 'urge', 'public', '2026-01-01 10:00:00'), (7, '居民', 'urge', 'public', '2026-01-03 09:30:00'), (7, '居民', 'note', 'public', '2026-01-04 09:30:00')`)

      await ds.runMigrations()

      const whistles = (await run(`SELECT "id", "departmentId", "response" FROM "ticket_whistle" ORDER BY "id"`)) as Array<{
        id: number
        departmentId: number
        response: string | null
      }>
      expect(whistles.map((w) => [Number(w.id), Number(w.departmentId), w.response])).toEqual([
        [1, 3, '已到场'],
        [3, 4, null],
      ])
      const messages = (await run(`SELECT "kind", "text", "uploadId" FROM "message" ORDER BY "id"`)) as Array<{
        kind: string
        text: string | null
        uploadId: number | null
      }>
      expect(messages.map((m) => [m.kind, m.text, m.uploadId === null ? null : Number(m.uploadId)])).toEqual([
        ['image', null, 9],
        ['text', '[图片]', null],
      ])
      const districts = (await run(`SELECT "id", "rootName" FROM "place" ORDER BY "id"`)) as Array<{ id: number; rootName: string | null }>
      expect(districts.map((p) => [Number(p.id), p.rootName])).toEqual([
        [1, '新城区'],
        [2, null],
        [3, '老城区'],
      ])
      const [ticket] = (await run(`SELECT "lastUrgedAt" FROM "ticket" WHERE "id" = 7`)) as Array<{ lastUrgedAt: Date | string }>
      expect(
        new Date(
          String(ticket!.lastUrgedAt instanceof Date ? ticket!.lastUrgedAt.toISOString() : `${ticket!.lastUrgedAt.replace(' ', 'T')}Z`),
        ).toISOString(),
      ).toBe('2026-01-03T09:30:00.000Z')
    } finally {
      await q?.release()
      await ds.destroy()
      await db.drop()
    }
  })
})
