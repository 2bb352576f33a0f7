/**
 * Writes a migration for the difference between the entities and what the existing migrations
 * build, once for MySQL/MariaDB and once for SQLite:
 *   npm run migration:generate -w server -- <Name>
 * MySQL needs TEST_DATABASE_URL (a scratch database is created and dropped).
 */
import 'reflect-metadata'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createConnection } from 'mysql2/promise'
import { createDataSource, type DatabaseConfig } from '../db/data-source'

async function generate(db: DatabaseConfig, folder: string, name: string, stamp: number) {
  const ds = await createDataSource(db)
  await ds.initialize()
  await ds.runMigrations()
  const sql = await ds.driver.createSchemaBuilder().log()
  await ds.destroy()
  if (sql.upQueries.length === 0) return console.log(`${folder}: entities and migrations agree; nothing to write`)
  const q = (s: string) => '`' + s.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`'
  // Tables say their character set themselves rather than trusting the database's default.
  const charset = (s: string) => s.replace(/ENGINE=InnoDB$/, 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci')
  const up = sql.upQueries.map((x) => `    await q.query(${q(charset(x.query))})`).join('\n')
  const down = [...sql.downQueries]
    .reverse()
    .map((x) => `    await q.query(${q(x.query)})`)
    .join('\n')
  const className = `${name}${stamp}`
  const file = join(__dirname, '../migrations', folder, `${stamp}-${name}.ts`)
  writeFileSync(
    file,
    `import type { MigrationInterface, QueryRunner } from 'typeorm'\n\n` +
      `export class ${className} implements MigrationInterface {\n  name = '${className}'\n\n` +
      `  async up(q: QueryRunner): Promise<void> {\n${up}\n  }\n\n  async down(q: QueryRunner): Promise<void> {\n${down}\n  }\n}\n`,
  )
  console.log(`wrote ${file}`)
}

async function main() {
  const name = process.argv[2]
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) throw new Error('usage: generate-migration <PascalCaseName>')
  const stamp = Date.now()
  const url = process.env.TEST_DATABASE_URL
  if (!url) throw new Error('TEST_DATABASE_URL (mysql://...) is needed to generate the MySQL migration')
  const scratch = `anju_migration_${stamp}`
  const admin = await createConnection(url)
  await admin.query(`CREATE DATABASE \`${scratch}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`)
  try {
    const scratchUrl = new URL(url)
    scratchUrl.pathname = `/${scratch}`
    await generate({ type: 'mysql', url: scratchUrl.toString() }, 'mysql', name, stamp)
  } finally {
    await admin.query(`DROP DATABASE \`${scratch}\``)
    await admin.end()
  }
  const dir = mkdtempSync(join(tmpdir(), 'anju-migration-'))
  try {
    await generate({ type: 'sqlite', file: join(dir, 'gen.sqlite') }, 'sqlite', name, stamp)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
})
