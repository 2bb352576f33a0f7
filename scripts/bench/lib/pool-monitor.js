/**
 * Watches one database's connections in the process list while a load runs: how many the server
 * holds open, and how many are busy at once. A busy count pinned at the pool size means requests
 * queue for a connection, and the pool, not the database, sets the pace.
 */
const mysql = require('mysql2/promise')
const { adminUrl } = require('./database')
const { onCleanup } = require('./cleanup')

async function poolMonitor(database, intervalMs = 100) {
  // No default database: this connection does not count itself.
  const conn = await mysql.createConnection(adminUrl().toString())
  const close = onCleanup('close pool monitor', () => conn.end())
  let open = 0
  let busyMax = 0
  let busySum = 0
  let samples = 0
  let saturated = 0
  let running = false
  let limit = Infinity
  const timer = setInterval(async () => {
    if (running) return
    running = true
    try {
      const [[row]] = await conn.query(
        "SELECT COUNT(*) AS open, SUM(COMMAND <> 'Sleep') AS busy FROM information_schema.PROCESSLIST WHERE DB = ?",
        [database],
      )
      const busy = Number(row.busy ?? 0)
      open = Math.max(open, Number(row.open))
      busyMax = Math.max(busyMax, busy)
      busySum += busy
      samples++
      if (busy >= limit) saturated++
    } catch {
      // a sample lost to a closing connection changes nothing
    } finally {
      running = false
    }
  }, intervalMs)
  return {
    /** Counts samples where every one of `n` pooled connections was busy. */
    setLimit: (n) => {
      limit = n
    },
    async stop() {
      clearInterval(timer)
      await close()
      return { open, busyMax, busyMean: samples ? busySum / samples : NaN, saturatedShare: samples ? saturated / samples : NaN }
    },
  }
}

module.exports = { poolMonitor }
