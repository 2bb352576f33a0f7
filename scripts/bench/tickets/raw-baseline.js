/**
 * The floor the HTTP figure is measured against: raw mysql2, a pool of the server's size, the same
 * number of concurrent workers as HTTP clients, each ticket the same `ticket` row and `ticket_event`
 * row in one transaction (START TRANSACTION … COMMIT, as TypeORM sends them).
 *
 * The headline baseline writes only: the issue defines the ratio against "the same rows written in
 * one transaction", and the commit is what the database cannot do faster for anyone. The variant
 * `withReads` adds the reads the server cannot avoid (the idempotency lookup, the category, the
 * building, and routing's desk, lead, officer and profile) so that the remaining gap is the
 * framework alone; it is printed beside the headline, not instead of it.
 */
const { randomUUID } = require('node:crypto')
const { latency, runConcurrent } = require('../lib/stats')
const { INSERT_EVENT, INSERT_TICKET, eventValues, submitEvent, submittedTicket, ticketValues } = require('./rows')
const { DESCRIPTIONS } = require('./fixtures')

async function routingReads(conn, t, building, category) {
  await conn.query('SELECT * FROM `ticket` WHERE `reporterUserId` = ? AND `clientKey` = ? LIMIT 1', [t.reporterUserId, t.clientKey])
  await conn.query('SELECT * FROM `ticket_category` WHERE `id` = ? AND `kind` = ? AND `active` = 1 LIMIT 1', [category.id, category.kind])
  await conn.query("SELECT * FROM `place` WHERE `id` = ? AND `level` = 'building' LIMIT 1", [building.id])
  await conn.query('SELECT * FROM `app_user` WHERE `id` = ? LIMIT 1', [t.reporterUserId])
}

async function routingReadsInTransaction(conn, building) {
  await conn.query('SELECT * FROM `duty_desk` WHERE `placeId` IN (?)', [
    [building.id, building.streetId, building.districtId].filter(Boolean),
  ])
  await conn.query('SELECT * FROM `place` WHERE `id` = ? LIMIT 1', [building.streetId ?? building.districtId])
  await conn.query('SELECT * FROM `building_lead` WHERE `buildingId` = ? LIMIT 1', [building.id])
  if (building.leadUserId) {
    await conn.query('SELECT * FROM `app_user` WHERE `id` = ? LIMIT 1', [building.leadUserId])
    await conn.query('SELECT * FROM `officer_profile` WHERE `userId` = ? LIMIT 1', [building.leadUserId])
  }
}

/**
 * Writes `count` tickets for `reporters` (one per worker, as the HTTP run has one resident per
 * client). Returns the rate, latencies and the clientKeys written.
 */
async function rawBaseline({ pool, fixtures, reporters, count, deadlineMs, withReads = false }) {
  const latencies = []
  const categories = fixtures.plainHazards
  let errors = 0
  let firstError = null
  const run = await runConcurrent({
    workers: reporters.length,
    count,
    deadlineMs,
    task: async (i, worker) => {
      const reporter = reporters[worker]
      const building = reporter.building
      const category = categories[i % categories.length]
      const started = process.hrtime.bigint()
      const conn = await pool.getConnection()
      try {
        const now = new Date()
        const t = submittedTicket({
          building,
          category,
          reporterUserId: reporter.userId,
          clientKey: randomUUID(),
          description: DESCRIPTIONS[i % DESCRIPTIONS.length],
          now,
        })
        if (withReads) await routingReads(conn, t, building, category)
        await conn.beginTransaction()
        try {
          if (withReads) await routingReadsInTransaction(conn, building)
          const [inserted] = await conn.query(`${INSERT_TICKET}(?)`, [ticketValues(t)])
          await conn.query(`${INSERT_EVENT}(?)`, [
            eventValues(submitEvent({ ticketId: inserted.insertId, building, reporterUserId: reporter.userId, now })),
          ])
          await conn.commit()
        } catch (err) {
          await conn.rollback()
          throw err
        }
        latencies.push(Number(process.hrtime.bigint() - started) / 1e6)
      } catch (err) {
        errors++
        firstError ??= err.message
      } finally {
        conn.release()
      }
    },
  })
  return { ...run, rate: latencies.length / run.seconds, latency: latency(latencies), errors, firstError }
}

module.exports = { rawBaseline }
