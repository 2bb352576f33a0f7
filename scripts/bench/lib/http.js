/**
 * A JSON client over node:http with a keep-alive agent: cheaper per request than fetch, which
 * matters when the load generator shares two cores with the server and the database.
 */
const http = require('node:http')
const { onCleanup } = require('./cleanup')

function jsonClient(baseUrl, { connections = 64, timeoutMs = 30_000 } = {}) {
  const base = new URL(baseUrl)
  if (base.hostname !== '127.0.0.1') throw new Error(`the bench only targets 127.0.0.1, not ${base.hostname}`)
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections })
  onCleanup('close http agent', async () => agent.destroy())

  /** Resolves { status, body, ms }; rejects only when no response came (refused, reset, timeout). */
  function request(method, path, { token, body } = {}) {
    const payload = body === undefined ? null : Buffer.from(JSON.stringify(body))
    const headers = { accept: 'application/json' }
    if (token) headers.authorization = `Bearer ${token}`
    if (payload) {
      headers['content-type'] = 'application/json'
      headers['content-length'] = String(payload.length)
    }
    const started = process.hrtime.bigint()
    return new Promise((resolve, reject) => {
      const req = http.request({ host: base.hostname, port: base.port, method, path, headers, agent, timeout: timeoutMs }, (res) => {
        const chunks = []
        res.on('data', (c) => chunks.push(c))
        res.on('end', () => {
          const ms = Number(process.hrtime.bigint() - started) / 1e6
          const text = Buffer.concat(chunks).toString('utf8')
          let parsed
          try {
            parsed = text ? JSON.parse(text) : null
          } catch {
            parsed = text
          }
          resolve({ status: res.statusCode, body: parsed, ms })
        })
        res.on('error', reject)
      })
      req.on('timeout', () => req.destroy(new Error(`${method} ${path} timed out after ${timeoutMs} ms`)))
      req.on('error', reject)
      req.end(payload ?? undefined)
    })
  }

  /** As request, but a status other than the expected one is an error naming the response. */
  async function expect(status, method, path, opts) {
    const res = await request(method, path, opts)
    if (res.status !== status) {
      throw new Error(`${method} ${path}: expected ${status}, got ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`)
    }
    return res
  }

  return { request, expect }
}

module.exports = { jsonClient }
