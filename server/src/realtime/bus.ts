import Redis from 'ioredis'
import type { Logger } from '../lib/logger'
import { closeRedis, FAIL_FAST } from '../lib/redis'

/**
 * How a frame reaches the sockets of every instance. Without Redis there is one instance and the
 * bus is a function call; with Redis each instance publishes to one channel and every instance
 * (itself included) delivers what it hears to the sockets it holds.
 *
 * On the wire a delivery is `topic,topic,…\n<frame JSON>`: the frame is serialized once by the
 * publisher and written to sockets as it arrives, never parsed again.
 */
export type Delivery = (topics: string[], frameJson: string) => void

/** 'up': frames reach every instance; 'down': only this one's (Redis is away); 'single': there is no other. */
export type BusStatus = 'single' | 'up' | 'down'

export interface RealtimeBus {
  /** Never loses the delivery to this instance's own sockets, whatever happens to Redis. */
  publish(topics: string[], frameJson: string): Promise<void>
  onDelivery(deliver: Delivery): void
  /** Told each time the link to the other instances is lost or back. */
  onStatus(listener: (status: BusStatus) => void): void
  status(): BusStatus
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
  onStatus(): void {}
  status(): BusStatus {
    return 'single'
  }
  async close(): Promise<void> {}
}

/**
 * Frames go out on `pub` and come back, to every instance, on `sub`. While either connection is
 * down this instance delivers its own frames itself (its sockets miss only other instances'
 * frames), publishes nothing (no offline queue: a frame delivered late and out of order helps no
 * one, the apps fetch the gap instead), and says `down` so the sockets can be told to poll.
 */
export class RedisBus implements RealtimeBus {
  private readonly pub: Redis
  private readonly sub: Redis
  private readonly channel: string
  private deliver: Delivery = () => undefined
  private statusListener: (status: BusStatus) => void = () => undefined
  private pubUp = false
  private subUp = false
  private current: BusStatus = 'down'
  private closing = false

  constructor(
    url: string,
    prefix: string,
    private readonly log: Logger,
  ) {
    this.channel = `${prefix}realtime`
    this.pub = new Redis(url, FAIL_FAST)
    this.sub = new Redis(url, { maxRetriesPerRequest: null })
    for (const [name, client] of [
      ['pub', this.pub],
      ['sub', this.sub],
    ] as const) {
      client.on('error', (err: Error) => this.log.warn('redis realtime connection error', { client: name, error: err.message }))
      client.on('close', () => this.setLink(name, false))
      client.on('end', () => this.setLink(name, false))
    }
    this.pub.on('ready', () => this.setLink('pub', true))
    // ioredis resubscribes after a reconnect, but only after emitting 'ready': subscribe here and
    // count the link as up once the subscription is confirmed.
    this.sub.on('ready', () => {
      this.sub.subscribe(this.channel).then(
        () => this.setLink('sub', true),
        (err: Error) => this.log.warn('redis realtime subscribe failed', { error: err.message }),
      )
    })
    this.sub.on('message', (_channel: string, raw: string) => {
      const cut = raw.indexOf('\n')
      if (cut > 0) this.deliverSafely(raw.slice(0, cut).split(','), raw.slice(cut + 1))
    })
  }

  /**
   * Resolves once the subscription is in place, so a test (or the first request) cannot miss
   * frames; or after `timeoutMs`, so that an instance started while Redis is away still serves
   * (degraded, on its own) and links up when Redis comes.
   */
  async ready(timeoutMs = 10_000): Promise<void> {
    if (this.current === 'up') return
    let timer: NodeJS.Timeout | undefined
    await new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        this.log.warn('redis realtime not reachable at start: serving this instance alone until it is', {})
        resolve()
      }, timeoutMs)
      this.onStatus((status) => status === 'up' && resolve())
    })
    clearTimeout(timer)
  }

  async publish(topics: string[], frameJson: string): Promise<void> {
    // The frame will not come back through our own subscription: hand it to our sockets now.
    const local = !this.subUp || !this.pubUp
    if (local) this.deliverSafely(topics, frameJson)
    if (!this.pubUp) return
    try {
      await this.pub.publish(this.channel, `${topics.join(',')}\n${frameJson}`)
    } catch (err) {
      this.log.warn('realtime publish failed', { error: err instanceof Error ? err.message : String(err) })
      // Whether it reached Redis is unknown; a frame twice is better than none (apps merge by seq).
      if (!local) this.deliverSafely(topics, frameJson)
    }
  }

  onDelivery(deliver: Delivery): void {
    this.deliver = deliver
  }

  onStatus(listener: (status: BusStatus) => void): void {
    const previous = this.statusListener
    this.statusListener = (status) => {
      previous(status)
      listener(status)
    }
  }

  status(): BusStatus {
    return this.current
  }

  async close(): Promise<void> {
    this.closing = true
    await Promise.all([closeRedis(this.sub), closeRedis(this.pub)])
  }

  private setLink(name: 'pub' | 'sub', up: boolean): void {
    if (name === 'pub') this.pubUp = up
    else this.subUp = up
    const next: BusStatus = this.pubUp && this.subUp ? 'up' : 'down'
    if (next === this.current || this.closing) return
    this.current = next
    this.log[next === 'up' ? 'info' : 'warn'](
      next === 'up' ? 'realtime bus linked through redis' : 'realtime bus lost redis: frames stay on this instance',
      {},
    )
    try {
      this.statusListener(next)
    } catch (err) {
      this.log.error('realtime status listener failed', { error: err instanceof Error ? err.message : String(err) })
    }
  }

  /** A frame that cannot be written to one socket must not stop the others, nor reach ioredis as an exception. */
  private deliverSafely(topics: string[], frameJson: string): void {
    try {
      this.deliver(topics, frameJson)
    } catch (err) {
      this.log.error('realtime delivery failed', { error: err instanceof Error ? err.message : String(err) })
    }
  }
}
