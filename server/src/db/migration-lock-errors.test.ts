import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { QueryFailedError } from 'typeorm'
import { scratchDatabase } from '../test/harness'
import { createDataSource, isSqliteBusy, withMysqlMigrationLock } from './data-source'

/** What an operator reads when a start fails during migration: the migration's own error. */
describe('migration lock errors', () => {
  it('SQLite: a write lock held elsewhere is known by its code, as TypeORM throws it and as better-sqlite3 did; other errors are not', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'anju-busy-'))
    const config = { type: 'sqlite' as const, file: join(dir, 'db.sqlite') }
    const holder = await (await createDataSource(config)).initialize()
    const other = await (await createDataSource(config)).initialize()
    try {
      await holder.query('BEGIN IMMEDIATE')
      await other.query('PRAGMA busy_timeout = 0')
      const busy = await other.query('BEGIN IMMEDIATE').then(
        () => null,
        (err: unknown) => err,
      )
      expect(busy).toBeInstanceOf(QueryFailedError)
      expect(isSqliteBusy(busy)).toBe(true)
      expect(isSqliteBusy((busy as QueryFailedError).driverError)).toBe(true)
      // A message is not a code: an error that merely says so is not a busy database.
      expect(isSqliteBusy(new Error('database is locked'))).toBe(false)
      expect(isSqliteBusy(null)).toBe(false)
      await holder.query('ROLLBACK')
    } finally {
      await other.destroy()
      await holder.destroy()
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('MariaDB: a migration that fails after the lock’s connection was lost reports the migration’s error, not the lost connection', async () => {
    const db = await scratchDatabase()
    // SQLite has no named lock to release: its lock is the migration's own transaction.
    if (db.config.type !== 'mysql') return db.drop()
    const ds = await createDataSource(db.config)
    await ds.initialize()
    try {
      const migrating = withMysqlMigrationLock(ds, async () => {
        const [row] = (await ds.query(`SELECT IS_USED_LOCK(CONCAT('anju_migrations.', DATABASE())) AS id`)) as Array<{
          id: number | string
        }>
        await ds.query(`KILL ${Number(row!.id)}`)
        throw new Error('migration 1795425349365 failed: duplicate column')
      })
      await expect(migrating).rejects.toThrow('migration 1795425349365 failed: duplicate column')
    } finally {
      await ds.destroy()
      await db.drop()
    }
  })
})
