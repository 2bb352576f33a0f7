#!/usr/bin/env node
/**
 * `npm run bench [-- NAME…] [-- --key=value…]`: runs the benches named (all by default), one after
 * the other, each on its own scratch MariaDB database and its own server process, and prints their
 * figures beside the targets. It asserts nothing: it exits non-zero only when a bench could not
 * run. Not part of `npm test` or CI.
 *
 * A bench is a module exporting { name, summary, run(options) }; add it to BENCHES. The tickets
 * bench's options, with their defaults:
 *   --clients=50 --create=3000 --small=10000 --large=1000000 --seconds=60 --listRequests=200
 *   --deepPages=500 --explain=1 (print the workbench query plans) --profile=1 (server CPU profile)
 * The messaging bench's (`npm run bench -- messaging`):
 *   --sockets=1000 (residents, each with a socket; their officers connect too) --rate=200 (msg/s)
 *   --seconds=30 --warmup=5 --ack=others (ack the other side's message frames, as the app does;
 *   1: every frame, own echoes too; 0: none) --two=1 (the two-instance runs; they need Redis) --profile=1 (server
 *   CPU profiles)
 * The import bench's (`npm run bench -- import`): --rows=20000 --restRequests=300
 * Database: BENCH_DATABASE_URL (default mysql://root@127.0.0.1:3306), on this machine only.
 * Redis: BENCH_REDIS_URL (default redis://127.0.0.1:6379), on this machine only.
 */
const { cpus, totalmem } = require('node:os')
const { cleanupAll } = require('./lib/cleanup')
const { adminUrl, describeDatabase } = require('./lib/database')

const BENCHES = [require('./tickets'), require('./messaging'), require('./import')]

function parseArgs(argv) {
  const names = []
  const options = {}
  for (const arg of argv) {
    const match = /^--([a-zA-Z]+)=(.*)$/.exec(arg)
    if (match) options[match[1]] = Number.isNaN(Number(match[2])) ? match[2] : Number(match[2])
    else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}: options are --key=value`)
    else names.push(arg)
  }
  return { names, options }
}

async function main() {
  const { names, options } = parseArgs(process.argv.slice(2))
  const unknown = names.filter((n) => !BENCHES.some((b) => b.name === n))
  if (unknown.length) throw new Error(`no bench named ${unknown.join(', ')}; there are: ${BENCHES.map((b) => b.name).join(', ')}`)
  const chosen = names.length ? BENCHES.filter((b) => names.includes(b.name)) : BENCHES

  const db = await describeDatabase().catch((err) => {
    throw new Error(`cannot reach MariaDB at ${adminUrl().host} (BENCH_DATABASE_URL): ${err.message}`)
  })
  const s = db.settings
  console.log(
    `bench: node ${process.version}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GB; MariaDB ${db.version} at ${adminUrl().host}`,
  )
  console.log(
    `       innodb_flush_log_at_trx_commit=${s.innodb_flush_log_at_trx_commit}, buffer pool ${Math.round(Number(s.innodb_buffer_pool_size) / 2 ** 20)} MB, log_bin=${s.log_bin}, max_connections=${s.max_connections}`,
  )
  console.log('       load generator, server and database share this machine; figures are ratios to baselines measured in this run.')

  for (const bench of chosen) {
    console.log(`\n== ${bench.name}: ${bench.summary}`)
    const started = Date.now()
    try {
      await bench.run(options)
    } finally {
      await cleanupAll()
    }
    console.log(`(${bench.name}: ${Math.round((Date.now() - started) / 1000)} s)`)
  }
}

let interrupted = false
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (interrupted) process.exit(130)
    interrupted = true
    console.error(`\n${signal}: stopping the server and dropping the scratch database…`)
    cleanupAll().finally(() => process.exit(130))
  })
}

main().catch(async (err) => {
  console.error(`\nbench failed: ${err && err.stack ? err.stack : err}`)
  await cleanupAll()
  process.exitCode = 1
})
