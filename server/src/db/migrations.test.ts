import { createDataSource } from './data-source'
import { scratchDatabase } from '../test/harness'

/**
 * The migrations are the schema: after running them the entities must have nothing left to
 * change, and every `down` must undo its `up` so a bad release can be rolled back.
 */
describe('migrations', () => {
  it('build exactly the schema the entities describe, and undo cleanly', async () => {
    const db = await scratchDatabase()
    const ds = await createDataSource(db.config)
    await ds.initialize()
    try {
      const applied = await ds.runMigrations()
      expect(applied.length).toBeGreaterThan(0)
      const pending = await ds.driver.createSchemaBuilder().log()
      expect(pending.upQueries.map((q) => q.query)).toEqual([])

      for (let i = 0; i < applied.length; i++) await ds.undoLastMigration()
      const runner = ds.createQueryRunner()
      const tables: string[] = []
      for (const { tableName } of ds.entityMetadatas) if (await runner.hasTable(tableName)) tables.push(tableName)
      await runner.release()
      expect(tables).toEqual([])

      await ds.runMigrations()
      expect((await ds.driver.createSchemaBuilder().log()).upQueries).toEqual([])
    } finally {
      await ds.destroy()
      await db.drop()
    }
  })
})
