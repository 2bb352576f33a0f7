import type { WebSocket } from 'ws'

/** A socket this instance holds, with the user it belongs to and the topics it listens on. */
export interface Client {
  ws: WebSocket
  userId: number
  topics: string[]
  lastSeen: number
}

/** Unsent bytes a socket may hold before it counts as stalled (a chat frame is ~1 KB). */
export const MAX_BUFFERED_BYTES = 1024 * 1024

/** The sockets of this instance by topic. A frame for several topics reaches each socket once. */
export class Hub {
  private readonly byTopic = new Map<string, Set<Client>>()

  join(client: Client): void {
    for (const topic of client.topics) {
      let set = this.byTopic.get(topic)
      if (!set) this.byTopic.set(topic, (set = new Set()))
      set.add(client)
    }
  }

  leave(client: Client): void {
    for (const topic of client.topics) {
      const set = this.byTopic.get(topic)
      set?.delete(client)
      if (set?.size === 0) this.byTopic.delete(topic)
    }
  }

  deliver(topics: string[], frameJson: string): number {
    const seen = new Set<Client>()
    for (const topic of topics) for (const client of this.byTopic.get(topic) ?? []) seen.add(client)
    for (const client of seen) this.sendTo(client, frameJson)
    return seen.size
  }

  /** Every socket this instance holds (degraded / resumed). */
  broadcast(frameJson: string): void {
    for (const client of this.clients()) this.sendTo(client, frameJson)
  }

  /**
   * A phone on a bad network reads slower than frames come: past MAX_BUFFERED_BYTES waiting, its
   * socket is dropped rather than left to hold the server's memory; the app reconnects and fetches
   * what it missed, as after any drop.
   */
  sendTo(client: Client, frameJson: string): void {
    const { ws } = client
    if (ws.readyState !== ws.OPEN) return
    if (ws.bufferedAmount > MAX_BUFFERED_BYTES) return void ws.terminate()
    try {
      ws.send(frameJson)
    } catch {
      ws.terminate()
    }
  }

  clients(): Client[] {
    const all = new Set<Client>()
    for (const set of this.byTopic.values()) for (const c of set) all.add(c)
    return [...all]
  }
}
