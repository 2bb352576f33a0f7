/**
 * Bulk-generates a year of tickets in the demo district with multi-row INSERTs, fast enough for a
 * million rows in a few minutes on two cores. Nothing the server relies on is turned off: the
 * unique and secondary indexes are maintained row by row, autocommit stays on, and every row is
 * one the server could have written (statuses, stages, SLA levels and timestamps agree with the
 * state machine). Only `ticket` rows are made: the workbench reads nothing else that grows.
 *
 * The shape: createdAt spread evenly over the last 365 days; busier and quieter buildings; a
 * ticket is the more likely finished the older it is, a few stay stuck (and overdue) for months;
 * handled by the building's lead officer, or the street desk where the building has none.
 */
const { randomUUID } = require('node:crypto')
const { deadlines } = require('./rows')
const { DESCRIPTIONS } = require('./fixtures')

const DAY = 86400_000
const BATCH = 2000
const IN_FLIGHT = 2
const GENERATED_RESIDENTS = 20_000

/** Mulberry32: the same district every run. */
function seeded(seed) {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = Math.imul(s ^ (s >>> 15), s | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const sqlDate = (ms) => (ms === null ? 'NULL' : `'${new Date(ms).toISOString().slice(0, 23).replace('T', ' ')}'`)
const sqlInt = (n) => (n === null || n === undefined ? 'NULL' : String(n))

/** The residents the generated tickets come from: plain app_user rows, made once per database. */
async function generatedReporters(pool) {
  const [[{ n }]] = await pool.query("SELECT COUNT(*) AS n FROM app_user WHERE openid LIKE 'bench-gen-%'")
  for (let from = Number(n); from < GENERATED_RESIDENTS; from += 5000) {
    const rows = []
    for (let i = from; i < Math.min(from + 5000, GENERATED_RESIDENTS); i++) rows.push(`('bench-gen-${i}', 'resident', '居民')`)
    await pool.query(`INSERT INTO app_user (openid, role, name) VALUES ${rows.join(', ')}`)
  }
  const [rows] = await pool.query("SELECT id FROM app_user WHERE openid LIKE 'bench-gen-%' ORDER BY id")
  return rows.map((r) => r.id)
}

function ticketModel(fixtures, pool, rand) {
  const e = (s) => pool.escape(s)
  const categories = fixtures.categories.map((c) => ({ ...c, sqlKind: e(c.kind) }))
  const buildings = fixtures.buildings.map((b) => {
    const desk = fixtures.deskUserFor(b)
    return { ...b, sqlLocation: e(b.locationText), deskUserId: desk?.id ?? null, weight: 1 + rand() * 3 }
  })
  const totalWeight = buildings.reduce((s, b) => s + b.weight, 0)
  const pickBuilding = () => {
    let r = rand() * totalWeight
    for (const b of buildings) if ((r -= b.weight) <= 0) return b
    return buildings[buildings.length - 1]
  }
  const descriptions = DESCRIPTIONS.map(e)
  const resolution = e('已到现场处理，隐患已消除，并对相关人员进行了宣传教育')
  const rejectReason = e('经核实不属于公安机关管辖，已告知居民向物业反映')
  return { categories, pickBuilding, descriptions, resolution, rejectReason }
}

/** One row's VALUES tuple. `ageMs` is how long before `now` it was submitted. */
function ticketTuple(m, rand, reporters, createdMs, now) {
  const b = m.pickBuilding()
  const c = m.categories[Math.floor(rand() * m.categories.length)]
  const urgent = rand() < 0.01 ? 1 : 0
  const acceptMin = urgent ? c.urgentAcceptMinutes : c.acceptMinutes
  const resolveMin = urgent ? c.urgentResolveMinutes : c.resolveMinutes
  const due = deadlines({ acceptMinutes: acceptMin, resolveMinutes: resolveMin, warnAtPercent: c.warnAtPercent }, new Date(createdMs))
  const acceptDue = due.acceptDueAt.getTime()
  const resolveDue = due.resolveDueAt.getTime()
  let warnAt = due.warnAt.getTime()
  const ageDays = (now - createdMs) / DAY
  const open = rand() < Math.exp(-ageDays / 1.5) + 0.003
  const handler = b.leadUserId && c.routeTo === 'building_lead' ? b.leadUserId : null

  let status,
    stage,
    handlerUserId,
    acceptedAt = null,
    resolvedAt = null,
    closedAt = null,
    slaLevel = 0
  let warnedAt = null,
    breachedAt = null,
    onTime = null,
    rating = null,
    res = 'NULL',
    reject = 'NULL'
  const acceptAt = Math.min(now, createdMs + (0.1 + rand() * 1.1) * acceptMin * 60_000)
  const resolveAt = Math.min(now, acceptAt + (0.05 + rand() * 1.05) * (resolveDue - createdMs))
  if (open) {
    const accepted = now - createdMs > 3600_000 ? rand() < 0.7 : rand() < 0.2
    status = accepted ? (rand() < 0.4 ? 'accepted' : 'in_progress') : 'submitted'
    stage = accepted ? 'active' : 'pending'
    handlerUserId = accepted ? (handler ?? b.deskUserId) : handler
    if (accepted) {
      acceptedAt = acceptAt
      warnAt = createdMs + ((resolveDue - createdMs) * c.warnAtPercent) / 100
    }
    const deadline = accepted ? resolveDue : acceptDue
    if (now > deadline) {
      slaLevel = 2
      breachedAt = deadline
      warnedAt = warnAt
    } else if (now > warnAt) {
      slaLevel = 1
      warnedAt = warnAt
    }
  } else {
    stage = 'done'
    handlerUserId = handler ?? b.deskUserId
    const fate = rand()
    if (fate < 0.04) {
      status = 'withdrawn'
      closedAt = Math.min(now, createdMs + rand() * acceptMin * 60_000)
    } else if (fate < 0.1) {
      status = 'rejected'
      acceptedAt = acceptAt
      closedAt = acceptAt
      reject = m.rejectReason
    } else {
      acceptedAt = acceptAt
      resolvedAt = resolveAt
      res = m.resolution
      onTime = acceptAt <= acceptDue && resolveAt <= resolveDue ? 1 : 0
      const closeAt = resolveAt + rand() * 7 * DAY
      if (closeAt > now) {
        status = 'resolved'
      } else {
        status = 'closed'
        closedAt = closeAt
        const r = rand()
        rating = r < 0.2 ? null : r < 0.87 ? "'satisfied'" : r < 0.97 ? "'basically_satisfied'" : "'dissatisfied'"
      }
    }
  }
  const level = !b.gridId ? "'community'" : rand() < 0.97 ? "'grid'" : rand() < 0.7 ? "'street'" : "'district'"
  const reporter = reporters[Math.floor(rand() * reporters.length)]
  const updated = Math.max(createdMs, acceptedAt ?? 0, resolvedAt ?? 0, closedAt ?? 0)
  return `('${randomUUID()}', ${c.sqlKind}, ${c.id}, '${status}', '${stage}', ${slaLevel}, ${urgent}, ${m.descriptions[Math.floor(rand() * m.descriptions.length)]}, ${reporter}, ${rand() < 0.05 ? 1 : 0}, NULL, ${b.id}, ${sqlInt(b.districtId)}, ${sqlInt(b.streetId)}, ${sqlInt(b.communityId)}, ${sqlInt(b.gridId)}, ${b.sqlLocation}, NULL, NULL, ${level}, ${sqlInt(handlerUserId)}, ${sqlInt(b.deskId)}, ${sqlDate(acceptDue)}, ${sqlDate(resolveDue)}, ${sqlDate(warnAt)}, ${sqlDate(warnedAt)}, ${sqlDate(breachedAt)}, ${sqlDate(acceptedAt)}, ${sqlDate(resolvedAt)}, ${sqlDate(closedAt)}, ${res}, ${reject}, ${rating ?? 'NULL'}, NULL, 0, ${sqlInt(onTime)}, '[]', 0, ${sqlDate(createdMs)}, ${sqlDate(updated)})`
}

const COLUMNS =
  'clientKey, kind, categoryId, status, stage, slaLevel, urgent, description, reporterUserId, anonymous, contactPhoneEnc, placeId, districtId, streetId, communityId, gridId, locationText, latitude, longitude, level, handlerUserId, deskId, acceptDueAt, resolveDueAt, warnAt, warnedAt, breachedAt, acceptedAt, resolvedAt, closedAt, resolution, rejectReason, rating, ratingComment, reopenCount, onTime, subscribed, contentHeld, createdAt, updatedAt'

/**
 * Adds tickets until the table holds `target` rows; `seed` picks the run's random stream. Returns
 * how many were added and how long it took; prints progress every ~10 %.
 */
async function generateTickets({ pool, fixtures, target, seed, deadlineMs }) {
  const [[{ n }]] = await pool.query('SELECT COUNT(*) AS n FROM ticket')
  const toAdd = target - Number(n)
  if (toAdd <= 0) return { added: 0, seconds: 0 }
  const started = Date.now()
  const rand = seeded(seed)
  const reporters = await generatedReporters(pool)
  const model = ticketModel(fixtures, pool, rand)
  const now = Date.now() - 60_000
  const span = 365 * DAY
  const step = span / toAdd
  let made = 0
  let lastReport = 0
  const inFlight = new Set()
  while (made < toAdd) {
    if (Date.now() - started > deadlineMs)
      throw new Error(`bulk generation passed its ${deadlineMs / 1000} s limit at ${made} of ${toAdd} rows`)
    const rows = []
    const end = Math.min(toAdd, made + BATCH)
    // createdAt rises with the id, as it does when residents submit: the year in order.
    for (let i = made; i < end; i++) rows.push(ticketTuple(model, rand, reporters, now - span + i * step + rand() * step, now))
    made = end
    const insert = pool.query(`INSERT INTO ticket (${COLUMNS}) VALUES ${rows.join(', ')}`).finally(() => inFlight.delete(insert))
    inFlight.add(insert)
    if (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight)
    if (toAdd >= 100_000 && made - lastReport >= toAdd / 10) {
      lastReport = made
      console.log(
        `    generated ${made.toLocaleString('en')} of ${toAdd.toLocaleString('en')} (${Math.round((Date.now() - started) / 1000)} s)`,
      )
    }
  }
  await Promise.all(inFlight)
  // What InnoDB's background statistics would reach after such growth; the plan then reflects the data.
  await pool.query('ANALYZE TABLE ticket')
  return { added: toAdd, seconds: (Date.now() - started) / 1000 }
}

module.exports = { generateTickets }
