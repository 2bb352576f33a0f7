/**
 * The plans of the workbench's queries, as server/src/modules/tickets/queries.ts builds them (the
 * list page with LIMIT 21, and the four open counts), through MariaDB's ANALYZE statement: the
 * optimizer's estimate beside the rows it really read. Printed when a list misses its target, or
 * with --explain=1.
 */

function workbenchQueries({ officerId, districtId, deskCursor, doneCursor }) {
  const list = (where, order) => `SELECT t.* FROM ticket t WHERE ${where} ORDER BY ${order} LIMIT 21`
  const counts = (scope) => [
    `SELECT COUNT(1) AS cnt FROM ticket t WHERE ${scope} AND t.stage = 'pending'`,
    `SELECT COUNT(1) AS cnt FROM ticket t WHERE ${scope} AND t.stage = 'active'`,
    `SELECT COUNT(1) AS cnt FROM ticket t WHERE ${scope} AND t.slaLevel = 1`,
    `SELECT COUNT(1) AS cnt FROM ticket t WHERE ${scope} AND t.slaLevel = 2`,
  ]
  const mine = `t.handlerUserId = ${Number(officerId)}`
  const district = `t.districtId = ${Number(districtId)}`
  return [
    { name: 'officer, mine, pending: page', sql: list(`${mine} AND t.stage = 'pending'`, 't.id DESC') },
    { name: 'officer, mine, done: page', sql: list(`${mine} AND t.stage = 'done'`, 't.id DESC') },
    { name: 'officer, mine, done: page 500 by cursor', sql: list(`${mine} AND t.stage = 'done' AND t.id < ${doneCursor.id}`, 't.id DESC') },
    ...counts(mine).map((sql, i) => ({ name: `officer counts #${i + 1}`, sql })),
    { name: 'district desk, scope, all: page', sql: list(district, 't.slaLevel DESC, t.id DESC') },
    {
      name: 'district desk, scope, all: page 500 by cursor',
      sql: list(
        `${district} AND (t.slaLevel < ${deskCursor.sla} OR (t.slaLevel = ${deskCursor.sla} AND t.id < ${deskCursor.id}))`,
        't.slaLevel DESC, t.id DESC',
      ),
    },
    ...counts(district).map((sql, i) => ({ name: `district counts #${i + 1}`, sql })),
  ]
}

async function explainWorkbench(pool, { officerId, districtId }) {
  // Cursors 500 pages into each list, where a long scroll through the archive would be.
  const [[desk]] = await pool.query(
    'SELECT slaLevel AS sla, id FROM ticket WHERE districtId = ? ORDER BY slaLevel DESC, id DESC LIMIT 1 OFFSET 10000',
    [districtId],
  )
  const [[done]] = await pool.query(
    "SELECT id FROM ticket WHERE handlerUserId = ? AND stage = 'done' ORDER BY id DESC LIMIT 1 OFFSET 10000",
    [officerId],
  )
  const lines = []
  for (const q of workbenchQueries({ officerId, districtId, deskCursor: desk ?? { sla: 0, id: 0 }, doneCursor: done ?? { id: 0 } })) {
    const started = Date.now()
    const [plan] = await pool.query(`ANALYZE ${q.sql}`)
    const ms = Date.now() - started
    lines.push(`-- ${q.name} (${ms} ms)`, q.sql)
    for (const p of plan) {
      lines.push(
        `   type=${p.type} key=${p.key} key_len=${p.key_len} ref=${p.ref} rows=${p.rows} r_rows=${p.r_rows} filtered=${p.filtered} r_filtered=${p.r_filtered} Extra=${p.Extra}`,
      )
    }
  }
  return lines.join('\n')
}

module.exports = { explainWorkbench }
