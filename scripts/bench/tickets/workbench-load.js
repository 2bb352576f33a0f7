/**
 * GET /api/workbench as staff use it: the first page again and again (the list they keep open),
 * then page after page by nextCursor (scrolling back through the archive, up to `deepPages`).
 * Sequential, so each figure is the latency of one request on a quiet server, not of a queue.
 */
const { latency } = require('../lib/stats')

const WARM_UP = 10
const NEAR = 20

function scenarios({ officer, desk }) {
  return [
    { key: 'officerPending', name: 'officer, mine, pending', session: officer, query: 'tab=pending&view=mine&limit=20' },
    { key: 'officerDone', name: 'officer, mine, done', session: officer, query: 'tab=done&view=mine&limit=20' },
    { key: 'deskAll', name: 'district desk, scope, all', session: desk, query: 'tab=all&view=scope&limit=20' },
  ]
}

async function get(api, session, query) {
  const res = await api.request('GET', `/api/workbench?${query}`, { token: session.token })
  if (res.status !== 200) throw new Error(`GET /api/workbench?${query}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`)
  return res
}

async function measureScenario(api, s, { requests, deepPages, deadlineMs }) {
  const stopAt = Date.now() + deadlineMs
  for (let i = 0; i < WARM_UP; i++) await get(api, s.session, s.query)
  const first = []
  let items = 0
  let counts = null
  for (let i = 0; i < requests && Date.now() < stopAt; i++) {
    const res = await get(api, s.session, s.query)
    first.push(res.ms)
    items = res.body.items.length
    counts = res.body.counts
  }
  // Scrolling on: pages 2–21 are the near pages; the last 20 reached show whether a page deep in
  // the archive costs what an early one does (keyset pagination's promise).
  const deep = []
  let cursor = (await get(api, s.session, s.query)).body.nextCursor
  while (cursor && deep.length < deepPages && Date.now() < stopAt) {
    const res = await get(api, s.session, `${s.query}&cursor=${encodeURIComponent(cursor)}`)
    deep.push(res.ms)
    cursor = res.body.nextCursor
  }
  const far = deep.length >= 2 * NEAR ? deep.slice(-NEAR) : []
  return { first: latency(first), near: latency(deep.slice(0, NEAR)), far: latency(far), lastPage: deep.length + 1, items, counts }
}

async function workbenchLoad({ api, sessions, requests = 200, deepPages = 500, deadlineMs = 60_000 }) {
  const results = {}
  for (const s of scenarios(sessions))
    results[s.key] = { name: s.name, ...(await measureScenario(api, s, { requests, deepPages, deadlineMs })) }
  return results
}

module.exports = { workbenchLoad, scenarios }
