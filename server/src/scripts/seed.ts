/** Loads the demo district into the configured database, once: `npm run seed`. */
import 'reflect-metadata'
import { join } from 'node:path'
import { loadConfig } from '../config'
import { openDatabase } from '../db/data-source'
import { seedDemoData } from '../demo/seed'

async function main() {
  const config = loadConfig()
  if (config.production) throw new Error('demo data is not loaded into a production database')
  const ds = await openDatabase(config.database)
  try {
    const demo = await seedDemoData(ds, join(config.dataDir, 'files'))
    console.log(demo ? `demo data loaded: ${demo.buildings} buildings, ${demo.officers} officers` : 'demo data already present')
  } finally {
    await ds.destroy()
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
})
