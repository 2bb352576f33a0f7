import { request } from 'node:http'

export interface RawReply {
  status: number
  retryAfter: string | null
  body: any
}

/**
 * One JSON request sent from a chosen loopback address (127.0.0.2, …): on Linux every 127/8
 * address reaches the server on 127.0.0.1, so tests can play clients on different addresses.
 * Also gives the headers (Retry-After) that `TestApp.call` leaves out.
 */
export function requestFrom(baseUrl: string, method: string, path: string, opts: { from?: string; token?: string; body?: unknown } = {}): Promise<RawReply> {
  const payload = opts.body === undefined ? undefined : JSON.stringify(opts.body)
  const headers: Record<string, string> = {
    ...(payload ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) } : {}),
    ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
  }
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, baseUrl), { method, headers, localAddress: opts.from ?? '127.0.0.1', agent: false }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('error', reject)
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8')
        const retryAfter = res.headers['retry-after']
        resolve({ status: res.statusCode ?? 0, retryAfter: typeof retryAfter === 'string' ? retryAfter : null, body: text ? JSON.parse(text) : null })
      })
    })
    req.on('error', reject)
    req.end(payload)
  })
}
