import { randomUUID } from 'node:crypto'
import WebSocket from 'ws'
import type { ServerFrame } from '@anju/shared'
import { REALTIME_PATH } from '@anju/shared'
import type { TestApp } from '../../test/harness'

/** Test helpers for messaging: open a conversation, send as the app does, hold a socket. */
export async function openConversation(t: TestApp, residentToken: string): Promise<number> {
  const res = await t.call('POST', '/api/conversations', { token: residentToken, body: {} })
  if (res.status !== 200) throw new Error(`open failed: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body.id
}

export const sendText = (t: TestApp, token: string, conversationId: number, text: string, extra: Record<string, unknown> = {}) =>
  t.call('POST', `/api/conversations/${conversationId}/messages`, { token, body: { kind: 'text', clientId: randomUUID(), text, ...extra } })

export const messagesOf = async (t: TestApp, token: string, conversationId: number, query = '') =>
  (await t.call('GET', `/api/conversations/${conversationId}/messages${query}`, { token })).body

/** A client socket that records every frame and can wait for one. */
export class TestSocket {
  readonly frames: ServerFrame[] = []
  closeCode: number | null = null
  private waiters: Array<() => void> = []
  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      this.frames.push(JSON.parse(String(data)) as ServerFrame)
      this.waiters.forEach((w) => w())
    })
    ws.on('close', (code) => {
      this.closeCode = code
      this.waiters.forEach((w) => w())
    })
  }

  static async connect(baseUrl: string, token: string | null): Promise<TestSocket> {
    const ws = new WebSocket(baseUrl.replace(/^http/, 'ws') + REALTIME_PATH)
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject))
    const socket = new TestSocket(ws)
    if (token !== null) ws.send(JSON.stringify({ type: 'auth', token }))
    return socket
  }

  /** Waits (at most `ms`) for a frame that matches; rejects with what did arrive otherwise. */
  async next<T extends ServerFrame['type']>(
    type: T,
    match: (f: Extract<ServerFrame, { type: T }>) => boolean = () => true,
    ms = 5000,
  ): Promise<Extract<ServerFrame, { type: T }>> {
    const deadline = Date.now() + ms
    for (;;) {
      const found = this.frames.find(
        (f): f is Extract<ServerFrame, { type: T }> => f.type === type && match(f as Extract<ServerFrame, { type: T }>),
      )
      if (found) return found
      if (this.closeCode !== null || Date.now() > deadline)
        throw new Error(`no ${type} frame; got ${JSON.stringify(this.frames)} (closed: ${this.closeCode})`)
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(1, deadline - Date.now()))
        this.waiters.push(() => {
          clearTimeout(timer)
          resolve()
        })
      })
      this.waiters = []
    }
  }

  async closed(ms = 5000): Promise<number> {
    const deadline = Date.now() + ms
    while (this.closeCode === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20))
    if (this.closeCode === null) throw new Error('socket still open')
    return this.closeCode
  }

  send(frame: unknown): void {
    this.ws.send(JSON.stringify(frame))
  }

  close(): void {
    this.ws.close()
  }
}
