import { execFile } from 'node:child_process'
import { join } from 'node:path'
import type { DataSource } from 'typeorm'
import { scratchDatabase } from '../test/harness'
import { openDatabase } from './data-source'

/**
 * Every instance migrates at boot. Three starting at once on a fresh database must all come up,
 * and each migration must have run once: the others wait for the lock, then find nothing to do.
 */
describe('migrations at boot', () => {
  it('three instances opening one fresh database at once all start, and each migration runs once', async () => {
    const db = await scratchDatabase()
    const opened = await Promise.allSettled([openDatabase(db.config), openDatabase(db.config), openDatabase(db.config)])
    const sources = opened.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []))
    try {
      expect(opened.map((o) => (o.status === 'rejected' ? String(o.reason) : 'ok'))).toEqual(['ok', 'ok', 'ok'])
      const ds = sources[0] as DataSource
      const names = ((await ds.query('SELECT name FROM migrations ORDER BY id')) as Array<{ name: string }>).map((r) => r.name)
      expect(names).toEqual(ds.migrations.map((m) => m.name))
    } finally {
      // One handle at a time: SQLite's file is shared by all three.
      for (const ds of sources) await ds.destroy()
      await db.drop()
    }
  })

  it('three processes opening one fresh database at once all start, and each migration runs once', async () => {
    const db = await scratchDatabase()
    // Each process waits for the same moment, so that they really do start together.
    const go = Date.now() + 1500
    const script = `const at=${go};setTimeout(()=>require(${JSON.stringify(join(__dirname, 'data-source'))}).openDatabase(${JSON.stringify(db.config)}).then((ds)=>ds.destroy()).then(()=>process.exit(0),(e)=>{console.error(e.message);process.exit(1)}),Math.max(0,at-Date.now()))`
    const start = () =>
      new Promise<string>((resolve) => {
        execFile(process.execPath, ['-r', '@swc-node/register', '-e', script], { cwd: join(__dirname, '../..') }, (err, _out, stderr) =>
          resolve(err ? stderr.trim() || String(err) : 'ok'),
        )
      })
    try {
      expect(await Promise.all([start(), start(), start()])).toEqual(['ok', 'ok', 'ok'])
      const ds = await openDatabase(db.config)
      const names = ((await ds.query('SELECT name FROM migrations ORDER BY id')) as Array<{ name: string }>).map((r) => r.name)
      await ds.destroy()
      expect(names).toEqual(ds.migrations.map((m) => m.name))
    } finally {
      await db.drop()
    }
  }, 60_000)
})
