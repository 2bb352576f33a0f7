import Redis from 'ioredis'
import type { Logger } from '../lib/logger'

/**
 * How a frame reaches the sockets of every instance. Without Redis there is one instance and the
 * bus is a function call; with Redis each instance publishes to one channel and every instance
 * (itself included) delivers what it hears to the sockets it holds.
 *
 * On the wire a delivery is `topic,topic,…\n<frame JSON>`: the frame is serialized once by the
 * publisher and written to sockets as it arrives, never parsed again.
 */
export type Delivery = (topics: string[], frameJson: string) => void

export interface RealtimeBus {
  publish(topics: string[], frameJson: string): Promise<void>
  onDelivery(deliver: Delivery): void
  close(): Promise<void>
}

export class LocalBus implements RealtimeBus {
  private deliver: Delivery = () => undefined
  async publish(topics: string[], frameJson: string): Promise<void> {
    this.deliver(topics, frameJson)
  }
  onDelivery(deliver: Delivery): void {
    this.deliver = deliver
  }
  async close(): Promise<void> {}
}

export class RedisBus implements RealtimeBus {
  private readonly pub: Redis
  private readonly sub: Redis
  private readonly channel: string
  private deliver: Delivery = () => undefined

  constructor(url: string, prefix: string, private readonly log: Logger) {
    this.channel = `${prefix}realtime`
    // A publish while Redis is away waits in ioredis's offline queue and goes out on reconnect.
    this.pub = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 3 })
    this.sub = new Redis(url, { lazyConnect: false })
    for (const [name, client] of [['pub', this.pub], ['sub', this.sub]] as const) {
      client.on('error', (err: Error) => this.log.warn('redis realtime connection error', { client: name, error: err.message }))
    }
    this.sub.on('message', (_channel: string, raw: string) => {
      const cut = raw.indexOf('\n')
      if (cut > 0) this.deliver(raw.slice(0, cut).split(','), raw.slice(cut + 1))
    })
  }

  /** Resolves once the subscription is in place, so a test (or the first request) cannot miss frames. */
  async ready(): Promise<void> {
    await this.sub.subscribe(this.channel)
  }

  async publish(topics: string[], frameJson: string): Promise<void> {
    await this.pub.publish(this.channel, `${topics.join(',')}\n${frameJson}`)
  }

  onDelivery(deliver: Delivery): void {
    this.deliver = deliver
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.sub.quit(), this.pub.quit()])
  }
}
