/**
 * The MariaDB the benches run on: BENCH_DATABASE_URL (default mysql://root@127.0.0.1:3306), which
 * must be on this machine. Each bench gets a fresh database `anju_bench_<random>` beside it and
 * drops it at the end.
 */
const { randomBytes } = require('node:crypto')
const mysql = require('mysql2/promise')
const { onCleanup } = require('./cleanup')

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]'])

function adminUrl() {
  const url = new URL(process.env.BENCH_DATABASE_URL || 'mysql://root@127.0.0.1:3306')
  if (!LOCAL_HOSTS.has(url.hostname)) {
    throw new Error(`BENCH_DATABASE_URL must point at this machine (127.0.0.1), not ${url.hostname}: the bench writes a million rows`)
  }
  url.pathname = '/'
  return url
}

/** Creates `anju_bench_<random>` and registers its drop; returns its URL. */
async function scratchDatabase() {
  const admin = adminUrl()
  const name = `anju_bench_${randomBytes(4).toString('hex')}`
  const conn = await mysql.createConnection(admin.toString())
  try {
    await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`)
  } finally {
    await conn.end()
  }
  const url = new URL(admin)
  url.pathname = `/${name}`
  const drop = onCleanup(`drop database ${name}`, async () => {
    const c = await mysql.createConnection(admin.toString())
    try {
      await c.query(`DROP DATABASE IF EXISTS \`${name}\``)
    } finally {
      await c.end()
    }
  })
  return { name, url: url.toString(), drop }
}

/**
 * A pool on the scratch database, UTC like the server's data source. `pool.close()` ends it early
 * (so that it holds no connection while the server is measured); cleanup ends it otherwise.
 */
function openPool(url, connectionLimit) {
  const pool = mysql.createPool({ uri: url, connectionLimit, timezone: 'Z', charset: 'utf8mb4_unicode_ci', multipleStatements: false })
  pool.close = onCleanup('close pool', () => pool.end())
  return pool
}

/** The settings that bound what any client can reach on this database server. */
async function describeDatabase() {
  const conn = await mysql.createConnection(adminUrl().toString())
  try {
    const [[{ v }]] = await conn.query('SELECT VERSION() AS v')
    const [vars] = await conn.query(
      "SHOW GLOBAL VARIABLES WHERE Variable_name IN ('innodb_flush_log_at_trx_commit', 'innodb_buffer_pool_size', 'sync_binlog', 'log_bin', 'max_connections')",
    )
    const settings = Object.fromEntries(vars.map((r) => [r.Variable_name, r.Value]))
    return { version: v, settings }
  } finally {
    await conn.end()
  }
}

module.exports = { adminUrl, scratchDatabase, openPool, describeDatabase }
