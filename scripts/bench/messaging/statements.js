/**
 * Statements the database server ran while the app was measured, from MariaDB's global counters:
 * per message, they are the app's round trips (each a write to the socket and a wake-up of the
 * database on this machine). Global, so anyone else's queries in the same seconds count too; the
 * bench's own monitor adds about ten a second. Divided by the messages answered while counting.
 */
const mysql = require('mysql2/promise')
const { adminUrl } = require('../lib/database')
const { onCleanup } = require('../lib/cleanup')

const COUNTERS = ['Questions', 'Com_select', 'Com_insert', 'Com_update', 'Com_begin', 'Com_commit']

async function statementCounter() {
  const conn = await mysql.createConnection(adminUrl().toString())
  const close = onCleanup('close statement counter', () => conn.end())
  const read = async () => {
    const [rows] = await conn.query(`SHOW GLOBAL STATUS WHERE Variable_name IN (${COUNTERS.map(() => '?').join(', ')})`, COUNTERS)
    return Object.fromEntries(rows.map((r) => [r.Variable_name, Number(r.Value)]))
  }
  let start = null
  let end = null
  return {
    start: async () => {
      start = await read()
    },
    stop: async () => {
      end = await read()
    },
    /** Counter deltas divided by `messages`; closes the connection. */
    async per(messages) {
      await close()
      if (!start || !end || !messages) return null
      return Object.fromEntries(COUNTERS.map((k) => [k, (end[k] - start[k]) / messages]))
    },
  }
}

module.exports = { statementCounter }
