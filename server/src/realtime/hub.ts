import type { WebSocket } from 'ws'

/** A socket this instance holds, with the user it belongs to and the topics it listens on. */
export interface Client {
  ws: WebSocket
  userId: number
  topics: string[]
  lastSeen: number
}

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
    for (const client of seen) if (client.ws.readyState === client.ws.OPEN) client.ws.send(frameJson)
    return seen.size
  }

  clients(): Client[] {
    const all = new Set<Client>()
    for (const set of this.byTopic.values()) for (const c of set) all.add(c)
    return [...all]
  }
}
