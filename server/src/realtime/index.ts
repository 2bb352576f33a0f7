import { randomUUID } from 'node:crypto'
import type { IncomingMessage, Server } from 'node:http'
import Redis from 'ioredis'
import { WebSocketServer } from 'ws'
import type { ServerFrame } from '@anju/shared'
import { IDLE_CLOSE_MS, REALTIME_MAX_FRAME_BYTES, REALTIME_PATH } from '@anju/shared'
import type { Logger } from '../lib/logger'
import { closeRedis, FAIL_FAST } from '../lib/redis'
import { LocalBus, RedisBus, type BusStatus, type RealtimeBus } from './bus'
import { Hub } from './hub'
import { Presence } from './presence'
import { handleConnection, type SocketDeps, type SocketHooks } from './socket'

export type { SocketHooks } from './socket'
export type { BusStatus } from './bus'

/**
 * Pushes frames to the sockets of whoever a change concerns, on whichever instance holds them.
 * Services call `publish`; `attach` serves the WebSocket endpoint on an HTTP server.
 */
export class Realtime {
  private readonly hub = new Hub()
  private readonly servers: WebSocketServer[] = []
  private sweeper: NodeJS.Timeout | null = null

  constructor(
    private readonly bus: RealtimeBus,
    readonly presence: Presence,
    private readonly log: Logger,
    private readonly closeRedis: () => Promise<void>,
    /** Asks Redis for a PONG; null on a single instance without Redis. */
    private readonly pingRedis: (() => Promise<boolean>) | null = null,
  ) {
    bus.onDelivery((topics, frameJson) => this.hub.deliver(topics, frameJson))
    // Sockets that stay open while frames from other instances cannot reach them would miss
    // messages silently: tell the apps to poll, and when the link is back to fetch the gap.
    bus.onStatus((status) => this.hub.broadcast(JSON.stringify({ type: status === 'down' ? 'degraded' : 'resumed' } satisfies ServerFrame)))
  }

  /** 'single' (no Redis), 'up' or 'down' (Redis away: frames reach only this instance's sockets). */
  status(): BusStatus {
    return this.bus.status()
  }

  /** Never throws: a frame that cannot be pushed is found by the client's next fetch or poll. */
  async publish(topics: string[], frame: ServerFrame): Promise<void> {
    if (topics.length === 0) return
    try {
      await this.bus.publish(topics, JSON.stringify(frame))
    } catch (err) {
      this.log.warn('realtime publish failed', { type: frame.type, error: err instanceof Error ? err.message : String(err) })
    }
  }

  attach(server: Server, hooks: SocketHooks): void {
    // Frames from clients are tiny (auth, ping, ack); anything bigger is refused by ws itself (1009).
    const wss = new WebSocketServer({ noServer: true, maxPayload: REALTIME_MAX_FRAME_BYTES })
    this.servers.push(wss)
    wss.on('error', (err) => this.log.warn('realtime server error', { error: err.message }))
    const deps: SocketDeps = {
      hub: this.hub,
      presence: this.presence,
      hooks,
      log: this.log,
      // A socket that joins while Redis is away is told at once, or it would wait for frames that cannot come.
      joined: (client) =>
        this.bus.status() === 'down' && this.hub.sendTo(client, JSON.stringify({ type: 'degraded' } satisfies ServerFrame)),
    }
    server.on('upgrade', (req: IncomingMessage, socket, head) => {
      // A client that resets mid-handshake must not become an unhandled 'error' event.
      socket.on('error', (err) => this.log.debug('realtime upgrade socket error', { error: err.message }))
      try {
        if (new URL(req.url ?? '/', 'http://x').pathname !== REALTIME_PATH) return void socket.destroy()
        wss.handleUpgrade(req, socket, head, (ws) => handleConnection(ws, deps))
      } catch (err) {
        this.log.warn('realtime upgrade failed', { error: err instanceof Error ? err.message : String(err) })
        socket.destroy()
      }
    })
    if (!this.sweeper) {
      // Browsers answer protocol pings by themselves; a socket that answers nothing for long is dead.
      this.sweeper = setInterval(() => this.sweep(), 15_000)
      this.sweeper.unref()
    }
  }

  private sweep(): void {
    const now = Date.now()
    for (const client of this.hub.clients()) {
      try {
        if (now - client.lastSeen > IDLE_CLOSE_MS) client.ws.terminate()
        else client.ws.ping()
      } catch (err) {
        this.log.debug('realtime sweep: socket gone', { error: err instanceof Error ? err.message : String(err) })
      }
    }
  }

  /** Sockets this instance holds (for the bench and health checks). */
  get connections(): number {
    return this.hub.clients().length
  }

  /** Whether Redis answers, for /api/health and /api/ready (the caller bounds the wait). */
  async ping(): Promise<'ok' | 'down' | 'not configured'> {
    if (!this.pingRedis) return 'not configured'
    return (await this.pingRedis().catch(() => false)) ? 'ok' : 'down'
  }

  async close(): Promise<void> {
    if (this.sweeper) clearInterval(this.sweeper)
    for (const wss of this.servers) {
      for (const ws of wss.clients) ws.terminate()
      wss.close()
    }
    await this.presence.close()
    await this.bus.close()
    await this.closeRedis()
  }
}

/** With a Redis URL, instances share frames and presence through it; without, this instance is alone. */
export async function createRealtime(opts: { redisUrl: string | null; prefix: string; log: Logger }): Promise<Realtime> {
  const instanceId = `${process.pid}-${randomUUID().slice(0, 8)}`
  if (!opts.redisUrl) return new Realtime(new LocalBus(), new Presence(null, opts.prefix, instanceId), opts.log, async () => undefined)
  const bus = new RedisBus(opts.redisUrl, opts.prefix, opts.log)
  await bus.ready()
  // No offline queue: while Redis is away presence answers at once from this instance alone.
  const redis = new Redis(opts.redisUrl, FAIL_FAST)
  redis.on('error', (err: Error) => opts.log.warn('redis presence connection error', { error: err.message }))
  // Back after an outage (a restarted Redis has forgotten everyone): vouch for our sockets again.
  const presence = new Presence(redis, opts.prefix, instanceId)
  redis.on('ready', () => presence.reannounce())
  // Not connected: say so at once rather than queue a PING until Redis comes back.
  const ping = async () => redis.status === 'ready' && (await redis.ping()) === 'PONG'
  return new Realtime(bus, presence, opts.log, () => closeRedis(redis), ping)
}
