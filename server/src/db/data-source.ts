import 'reflect-metadata'
import { mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { createConnection } from 'mysql2/promise'
import { DataSource } from 'typeorm'
import type { Config } from '../config'
import { ENTITIES } from './entities'

export type DatabaseConfig = Config['database']

/** How long a statement waits out another connection's write before failing SQLITE_BUSY. */
const SQLITE_BUSY_TIMEOUT_MS = 5000

/**
 * MySQL/MariaDB in production (utf8mb4, UTC), an embedded SQLite file otherwise. Each has its own
 * generated migrations; `synchronize` is never used.
 */
export async function createDataSource(db: DatabaseConfig): Promise<DataSource> {
  if (db.type === 'mysql') {
    return new DataSource({
      type: await mysqlFlavour(db.url),
      url: db.url,
      charset: 'utf8mb4_unicode_ci',
      timezone: 'Z',
      entities: ENTITIES,
      migrations: [join(__dirname, '../migrations/mysql/*.{ts,js}')],
      migrationsTableName: 'migrations',
      synchronize: false,
      extra: { connectionLimit: 20 },
    })
  }
  if (db.file !== ':memory:') mkdirSync(dirname(db.file), { recursive: true })
  return new DataSource({
    type: 'better-sqlite3',
    database: db.file,
    entities: ENTITIES,
    migrations: [join(__dirname, '../migrations/sqlite/*.{ts,js}')],
    migrationsTableName: 'migrations',
    synchronize: false,
    // WAL lets readers go on while one writer commits; the busy timeout waits out the writer.
    prepareDatabase: (conn: { pragma(s: string): unknown }) => {
      conn.pragma('journal_mode = WAL')
      conn.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`)
      conn.pragma('foreign_keys = ON')
    },
  })
}

/**
 * TypeORM reads MariaDB's catalogue differently from MySQL's (nullable defaults, for one), so a
 * mysql:// URL that points at MariaDB must use the 'mariadb' driver, or the schema looks changed.
 */
async function mysqlFlavour(url: string): Promise<'mysql' | 'mariadb'> {
  const conn = await createConnection(url)
  try {
    const [rows] = await conn.query('SELECT VERSION() AS v')
    return /mariadb/i.test(String((rows as Array<{ v: string }>)[0]?.v)) ? 'mariadb' : 'mysql'
  } finally {
    await conn.end()
  }
}

/**
 * better-sqlite3 is one connection: TypeORM would start a second transaction on it while the
 * first is still open ("cannot start a transaction within a transaction"). Transactions therefore
 * take turns, as SQLite's single writer would make them anyway.
 */
function serializeTransactions(ds: DataSource): void {
  const manager = ds.manager
  const run = manager.transaction.bind(manager) as (...args: unknown[]) => Promise<unknown>
  let tail: Promise<unknown> = Promise.resolve()
  manager.transaction = ((...args: unknown[]) => {
    const next = tail.then(() => run(...args))
    tail = next.catch(() => undefined)
    return next
  }) as typeof manager.transaction
}

/** SQLite's "another connection holds the lock", thrown by better-sqlite3 or wrapped by TypeORM (QueryFailedError.driverError). */
export function isSqliteBusy(err: unknown): boolean {
  const e = err as { code?: unknown; driverError?: { code?: unknown } } | null
  const code = e?.code ?? e?.driverError?.code
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY')
}

export async function openDatabase(db: DatabaseConfig): Promise<DataSource> {
  const ds = await createDataSource(db)
  await ds.initialize()
  if (db.type === 'sqlite') serializeTransactions(ds)
  try {
    if (db.type === 'mysql') await withMysqlMigrationLock(ds, () => ds.runMigrations({ transaction: 'each' }))
    else await migrateSqliteExclusively(ds)
  } catch (err) {
    await ds.destroy().catch(() => undefined)
    throw err
  }
  return ds
}

const MIGRATION_LOCK_WAIT_S = 60

/**
 * Every instance migrates at boot; two starting at once would both see a migration pending and
 * both run it. A named lock per database (GET_LOCK, held by one dedicated connection) lets one
 * migrate while the others wait, then find nothing left to do. The lock dies with its connection,
 * so an instance that crashes mid-migration does not block the next start.
 */
export async function withMysqlMigrationLock<T>(ds: DataSource, migrate: () => Promise<T>): Promise<T> {
  const runner = ds.createQueryRunner()
  try {
    const [row] = (await runner.query(`SELECT GET_LOCK(CONCAT('anju_migrations.', DATABASE()), ?) AS got`, [
      MIGRATION_LOCK_WAIT_S,
    ])) as Array<{ got: number | string | null }>
    if (Number(row?.got) !== 1)
      throw new Error(`another instance has been migrating this database for over ${MIGRATION_LOCK_WAIT_S} s; not starting`)
    try {
      return await migrate()
    } finally {
      // A release that fails means the connection is gone, and the lock with it: it must not
      // replace the migration's own error (or fail a migration that succeeded).
      await runner.query(`SELECT RELEASE_LOCK(CONCAT('anju_migrations.', DATABASE()))`).catch(() => undefined)
    }
  } finally {
    await runner.release()
  }
}

/**
 * SQLite: the migrations run inside one BEGIN IMMEDIATE transaction, which takes the file's single
 * write lock before the list of applied migrations is read; a second process waits for it, then
 * reads the list the first one committed. It is asked for without the busy timeout, in a loop
 * that yields, because better-sqlite3 would otherwise block the event loop while it waits.
 * Foreign keys are switched off around it (a no-op inside a transaction), as TypeORM does for
 * migrations: rebuilding a parent table must not touch its children.
 */
async function migrateSqliteExclusively(ds: DataSource): Promise<void> {
  const deadline = Date.now() + MIGRATION_LOCK_WAIT_S * 1000
  await ds.query('PRAGMA foreign_keys = OFF')
  await ds.query('PRAGMA busy_timeout = 0')
  try {
    for (;;) {
      try {
        await ds.query('BEGIN IMMEDIATE')
        break
      } catch (err) {
        if (!isSqliteBusy(err) || Date.now() > deadline) throw err
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
    }
  } finally {
    await ds.query(`PRAGMA busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`)
  }
  try {
    await ds.runMigrations({ transaction: 'none' })
    await ds.query('COMMIT')
  } catch (err) {
    await ds.query('ROLLBACK').catch(() => undefined)
    throw err
  } finally {
    await ds.query('PRAGMA foreign_keys = ON')
  }
}
