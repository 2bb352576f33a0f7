/**
 * POST /api/tickets from `residents.length` concurrent clients, each its own logged-in resident,
 * through the whole stack: auth, zod validation, the idempotency lookup, routing, the transaction
 * and the receipt. Every `retryEvery`-th report is sent twice with the same clientKey: half of
 * those at once (a double tap), half after the first answer (a retry after a lost response).
 */
const { randomUUID } = require('node:crypto')
const { latency, runConcurrent } = require('../lib/stats')
const { DESCRIPTIONS } = require('./fixtures')

async function createLoad({ api, residents, categories, count, deadlineMs, retryEvery = 20 }) {
  const latencies = []
  const ticketOfKey = new Map()
  const sentKeys = []
  const problems = []
  let requests = 0
  let replays = 0
  let replaysAnsweredWithFirst = 0

  const submit = async (resident, body) => {
    requests++
    try {
      const res = await api.request('POST', '/api/tickets', { token: resident.token, body })
      latencies.push(res.ms)
      if (res.status !== 201 && res.status !== 200) {
        problems.push(`${res.status} ${JSON.stringify(res.body).slice(0, 200)}`)
        return null
      }
      return res.body
    } catch (err) {
      problems.push(err.message)
      return null
    }
  }

  const run = await runConcurrent({
    workers: residents.length,
    count,
    deadlineMs,
    task: async (i, worker) => {
      const resident = residents[worker]
      const category = categories[i % categories.length]
      const body = {
        clientKey: randomUUID(),
        kind: 'hazard',
        categoryId: category.id,
        description: DESCRIPTIONS[i % DESCRIPTIONS.length],
        photoIds: [],
        location: { type: 'building', buildingId: resident.building.id },
        anonymous: false,
        subscribed: [],
      }
      sentKeys.push(body.clientKey)
      let answers
      if (i % retryEvery !== retryEvery - 1) answers = [await submit(resident, body)]
      else if ((i / retryEvery) % 2 < 1) answers = await Promise.all([submit(resident, body), submit(resident, body)])
      else answers = [await submit(resident, body), await submit(resident, body)]
      const ids = answers.filter(Boolean).map((a) => a.ticket.id)
      if (ids.length > 0) ticketOfKey.set(body.clientKey, ids[0])
      if (answers.length === 2) {
        replays++
        if (ids.length === 2 && ids[0] === ids[1] && answers.some((a) => a.replayed)) replaysAnsweredWithFirst++
      }
    },
  })
  return {
    ...run,
    requests,
    tickets: ticketOfKey.size,
    sentKeys,
    rate: ticketOfKey.size / run.seconds,
    requestRate: requests / run.seconds,
    latency: latency(latencies),
    replays,
    replaysAnsweredWithFirst,
    errors: problems.length,
    firstErrors: [...new Set(problems)].slice(0, 3),
  }
}

module.exports = { createLoad }
