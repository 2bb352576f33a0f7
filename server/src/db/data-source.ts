import 'reflect-metadata'
import { mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { createConnection } from 'mysql2/promise'
import { DataSource } from 'typeorm'
import type { Config } from '../config'
import { ENTITIES } from './entities'

export type DatabaseConfig = Config['database']

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
      conn.pragma('busy_timeout = 5000')
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

export async function openDatabase(db: DatabaseConfig): Promise<DataSource> {
  const ds = await createDataSource(db)
  await ds.initialize()
  if (db.type === 'sqlite') serializeTransactions(ds)
  await ds.runMigrations({ transaction: 'each' })
  return ds
}
