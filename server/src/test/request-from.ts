import { request } from 'node:http'
import { connect } from 'node:net'

export interface RawReply {
  status: number
  retryAfter: string | null
  /** The body parsed as JSON; null when empty or not JSON (a file). */
  body: any
}

export interface RawResponse extends RawReply {
  headers: Record<string, unknown>
  text: string
}

/**
 * One request exactly as written, with the headers `fetch` and `TestApp.call` leave out of the
 * answer (Retry-After). node:http sends the path untouched (fetch would normalise `..`), and
 * `from` picks the loopback address it comes from (127.0.0.2, …): on Linux every 127/8 address
 * reaches the server on 127.0.0.1, so tests can play clients on different addresses.
 */
export function rawRequest(
  baseUrl: string,
  method: string,
  path: string,
  opts: { from?: string; headers?: Record<string, string>; body?: Buffer } = {},
): Promise<RawResponse> {
  const { hostname, port } = new URL(baseUrl)
  const headers = opts.body ? { ...opts.headers, 'content-length': String(opts.body.length) } : (opts.headers ?? {})
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, method, path, headers, localAddress: opts.from ?? '127.0.0.1', agent: false }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('error', reject)
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8')
        let body: unknown = null
        try {
          body = text ? JSON.parse(text) : null
        } catch {
          // not JSON: a file
        }
        const retryAfter = res.headers['retry-after']
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          text,
          body,
          retryAfter: typeof retryAfter === 'string' ? retryAfter : null,
        })
      })
    })
    req.on('error', reject)
    req.end(opts.body)
  })
}

/** One JSON request, optionally with a token, from a chosen loopback address (see rawRequest). */
export function requestFrom(
  baseUrl: string,
  method: string,
  path: string,
  opts: { from?: string; token?: string; body?: unknown } = {},
): Promise<RawReply> {
  const headers: Record<string, string> = {
    ...(opts.body === undefined ? {} : { 'content-type': 'application/json' }),
    ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
  }
  const body = opts.body === undefined ? undefined : Buffer.from(JSON.stringify(opts.body))
  return rawRequest(baseUrl, method, path, { from: opts.from, headers, body })
}

/**
 * A client that sends a request head promising a long body (Content-Length: 100000), then part of
 * it, and hangs up. Resolves once the connection is closed; what the server did about it is the
 * caller's to check.
 */
export function hangUpMidBody(baseUrl: string, head: string, partial: Buffer | string): Promise<void> {
  const { port } = new URL(baseUrl)
  return new Promise<void>((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => {
      socket.write(`${head}Content-Length: 100000\r\n\r\n`)
      socket.write(partial, () => setImmediate(() => socket.destroy()))
    })
    socket.on('close', () => resolve())
    socket.on('error', reject)
  })
}
