/**
 * Imports buildings from a CSV file into the configured database (DATABASE_URL, or the SQLite file):
 *   npm run import:places -- path/to/places.csv
 * Columns: district,street,community,grid,building_code,building,address,units,officer_police_number
 * Bad rows are listed by line and skipped; running the same file again changes nothing.
 * Exit code: 0 all rows imported, 2 some rows had errors, 1 the import could not run.
 */
import 'reflect-metadata'
import { resolve } from 'node:path'
import { SingleBar, Presets } from 'cli-progress'
import { subscribeDomainEvents } from '../app'
import { loadConfig } from '../config'
import { openDatabase } from '../db/data-source'
import { importBuildings } from '../modules/officers'
import { placeCsvFileRecords } from '../modules/places'

async function main() {
  const file = process.argv[2]
  if (!file) throw new Error('usage: npm run import:places -- <file.csv>')
  const config = loadConfig()
  // npm runs workspace scripts in server/; a relative path means relative to where npm was called.
  const path = resolve(process.env.INIT_CWD ?? process.cwd(), file)
  const ds = await openDatabase(config.database)
  subscribeDomainEvents() // as through the API: a building whose lead changes takes its conversations along
  const bar = new SingleBar(
    { format: '导入楼栋 [{bar}] {percentage}% | {value}/{total} | 用时 {duration}s', hideCursor: true },
    Presets.shades_classic,
  )
  const started = Date.now()
  let barStarted = false
  try {
    // The same streaming path as the API: the file is read a chunk at a time, checked, then written in batches.
    const result = await importBuildings(ds, () => placeCsvFileRecords(path), {
      scope: null,
      onProgress: (done, total) => {
        if (!barStarted) bar.start(total, 0)
        barStarted = true
        bar.update(done)
      },
    })
    bar.stop()
    for (const e of result.errors.slice(0, 50)) console.log(`  第 ${e.row} 行：${e.message}`)
    if (result.errorCount > 50) console.log(`  …另有 ${result.errorCount - Math.min(50, result.errors.length)} 行有错误`)
    console.log(
      `共 ${result.rows} 行：新建 ${result.created}，更新 ${result.updated}，未变 ${result.unchanged}，错误 ${result.errorCount}。用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒`,
    )
    process.exitCode = result.errorCount > 0 ? 2 : 0
  } finally {
    bar.stop()
    await ds.destroy()
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
})
