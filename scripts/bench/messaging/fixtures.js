/**
 * The people the messaging bench needs in the seeded demo district: `count` residents, each living
 * in a building whose lead officer is on duty around the clock, each with the conversation the app
 * opens for them (POST /api/conversations); and those officers.
 *
 * On-duty buildings only: a message to an officer who is away adds a system note and the desk's
 * cover, a heavier path that happens once per conversation, not at 200 a second.
 *
 * Residents are written straight to the database and their tokens signed here with the JWT secret
 * the bench hands the servers, exactly as the server signs them: logging 1,000 people in through
 * the WeChat stand-in would cost more time than the measurement itself, and tests nothing this
 * bench is about.
 */
const jwt = require('jsonwebtoken')

const OPENID_PREFIX = 'bench-msg-'
const ISSUER = 'anju' // server/src/middleware/auth.ts

/** An access token the server accepts, valid for `ttlSeconds` (sockets close with 4401 when it lapses). */
function accessToken(secret, user, ttlSeconds) {
  return jwt.sign({ role: user.role }, secret, { algorithm: 'HS256', subject: String(user.id), expiresIn: ttlSeconds, issuer: ISSUER })
}

const wholeDay = (hours) => hours.some((h) => h.days.length === 7 && h.start === '00:00' && h.end === '24:00')

/** Buildings whose lead is on duty at any hour, with that officer. */
async function onDutyBuildings(pool) {
  const [rows] = await pool.query(
    `SELECT l.buildingId, u.id AS officerUserId, u.openid, p.dutyHours, p.onLeaveUntil
       FROM building_lead l JOIN app_user u ON u.id = l.officerUserId JOIN officer_profile p ON p.userId = u.id
      ORDER BY l.buildingId`,
  )
  const now = Date.now()
  const buildings = rows.filter((r) => {
    const hours = typeof r.dutyHours === 'string' ? JSON.parse(r.dutyHours) : r.dutyHours
    return wholeDay(hours) && !(r.onLeaveUntil && new Date(r.onLeaveUntil).getTime() > now)
  })
  if (buildings.length === 0)
    throw new Error('no building in the demo district has an officer on duty all day (server/src/db/seed.ts changed?)')
  return buildings
}

/** Inserts the residents (once per database) and binds each to an on-duty building in turn. */
async function insertResidents(pool, buildings, count) {
  const [[{ n }]] = await pool.query('SELECT COUNT(*) AS n FROM app_user WHERE openid LIKE ?', [`${OPENID_PREFIX}%`])
  for (let from = Number(n); from < count; from += 500) {
    const rows = []
    for (let i = from; i < Math.min(from + 500, count); i++) rows.push([`${OPENID_PREFIX}${i}`, 'resident', `居民${i}`])
    await pool.query('INSERT INTO app_user (openid, role, name) VALUES ?', [rows])
  }
  const [users] = await pool.query('SELECT id FROM app_user WHERE openid LIKE ? ORDER BY id LIMIT ?', [`${OPENID_PREFIX}%`, count])
  const residents = users.map((u, i) => ({ id: u.id, role: 'resident', building: buildings[i % buildings.length] }))
  const homes = residents.map((r) => [r.id, r.building.buildingId, null])
  for (let i = 0; i < homes.length; i += 500) {
    await pool.query(
      'INSERT INTO residence (userId, buildingId, unitId) VALUES ? ON DUPLICATE KEY UPDATE buildingId = VALUES(buildingId)',
      [homes.slice(i, i + 500)],
    )
  }
  return residents
}

/** Each resident's conversation with their officer, opened through the API as the app opens it. */
async function openConversations(api, residents, concurrency = 16) {
  let next = 0
  const worker = async () => {
    while (next < residents.length) {
      const r = residents[next++]
      const { body } = await api.expect(200, 'POST', '/api/conversations', { token: r.token, body: {} })
      r.conversationId = body.id
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
}

/**
 * Residents with tokens and conversations, and the officers who answer them. `api` is a client of
 * any instance on the scratch database; `secret` is the servers' JWT_SECRET.
 */
async function messagingFixtures({ pool, api, secret, count, ttlSeconds }) {
  const buildings = await onDutyBuildings(pool)
  const residents = await insertResidents(pool, buildings, count)
  for (const r of residents) {
    r.token = accessToken(secret, r, ttlSeconds)
    r.officerUserId = r.building.officerUserId
  }
  const started = Date.now()
  await openConversations(api, residents)
  const officerIds = [...new Set(residents.map((r) => r.officerUserId))]
  const officers = officerIds.map((id) => ({ id, role: 'officer', token: accessToken(secret, { id, role: 'officer' }, ttlSeconds) }))
  return {
    residents,
    officers,
    buildings: new Set(residents.map((r) => r.building.buildingId)).size,
    openSeconds: (Date.now() - started) / 1000,
  }
}

module.exports = { messagingFixtures, accessToken }
