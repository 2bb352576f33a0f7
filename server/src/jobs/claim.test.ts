import { randomUUID } from 'node:crypto'
import { In, Like } from 'typeorm'
import type { AppContext } from '../context'
import { openDatabase } from '../db/data-source'
import { OutboxMessage } from '../modules/notifications/entities'
import { Upload } from '../modules/uploads/entities'
import { retryPendingMediaChecks } from '../modules/uploads/service'
import { User } from '../modules/users/entities'
import { startTestApp, type TestApp } from '../test/harness'
import { Ticket } from '../modules/tickets/entities'
import { categoryId, report, tokensFor } from '../modules/tickets/test-helpers'
import { deliverOutbox } from './outbox-delivery'
import { runSlaSweep } from '../modules/tickets'

/**
 * Several instances run the jobs against one database. Two AppContexts share it here (each with its
 * own pool on MariaDB; SQLite allows one writer per process, so they share its handle) and run the
 * jobs at the same moment: every row must be worked on by exactly one of them.
 */
let t: TestApp
let peer: AppContext
let closePeer: () => Promise<void>
let residentId: number
beforeAll(async () => {
  t = await startTestApp()
  const own = t.ctx.config.database.type === 'mysql'
  const ds = own ? await openDatabase(t.ctx.config.database) : t.ds
  peer = { ...t.ctx, ds }
  closePeer = async () => {
    if (own) await ds.destroy()
  }
  residentId = (await t.ds.manager.findOneByOrFail(User, { openid: 'demo-resident-1' })).id
})
afterAll(async () => {
  await closePeer()
  await t.close()
})

type Sent = { data: Record<string, { value: string }> }
async function sentPreviews(marker: string): Promise<string[]> {
  const res = (await (await fetch(`${t.standin.url}/dev/subscribe-messages`)).json()) as { items: Sent[] }
  return res.items.map((m) => m.data.thing2?.value ?? '').filter((v) => v.startsWith(marker))
}

async function queueNotices(marker: string, n: number, lock: Pick<Partial<OutboxMessage>, 'lockedBy' | 'lockedUntil'> = {}): Promise<void> {
  const now = t.clock.now
  for (let i = 0; i < n; i++) {
    await t.ds.manager.insert(OutboxMessage, {
      channel: 'wechat_subscribe',
      dedupeKey: `${marker}-${i}`,
      recipientUserId: residentId,
      status: 'pending',
      attempts: 0,
      payload: { type: 'message', conversationId: 1, senderName: '张警官', preview: `${marker}-${i}`, at: now.toISOString() },
      nextAttemptAt: new Date(now.getTime() - 1000),
      lastError: null,
      sentAt: null,
      lockedUntil: null,
      lockedBy: null,
      ...lock,
    })
  }
}

async function bothInstances<T>(rounds: number, job: (app: AppContext) => Promise<T>): Promise<void> {
  for (let i = 0; i < rounds; i++) await Promise.all([job(t.ctx), job(peer), job(t.ctx), job(peer)])
}

describe('two instances delivering one outbox', () => {
  it('send each subscribe message exactly once, and leave every row sent', async () => {
    const marker = `m${randomUUID().slice(0, 6)}`
    await queueNotices(marker, 30)
    await bothInstances(3, deliverOutbox)
    const previews = await sentPreviews(marker)
    expect(previews.sort()).toEqual(Array.from({ length: 30 }, (_, i) => `${marker}-${i}`).sort())
    const rows = await t.ds.manager.findBy(OutboxMessage, { dedupeKey: Like(`${marker}-%`) })
    expect(rows.map((r) => [r.status, r.attempts, r.lockedBy])).toEqual(rows.map(() => ['sent', 1, null]))
  })

  it('take over a claim whose instance died (expired) once, and leave a live claim alone', async () => {
    const dead = `d${randomUUID().slice(0, 6)}`
    const live = `l${randomUUID().slice(0, 6)}`
    await queueNotices(dead, 5, { lockedBy: 'instance-that-died', lockedUntil: new Date(t.clock.now.getTime() - 1000) })
    await queueNotices(live, 2, { lockedBy: 'instance-still-sending', lockedUntil: new Date(t.clock.now.getTime() + 60_000) })
    await bothInstances(3, deliverOutbox)
    expect((await sentPreviews(dead)).sort()).toEqual(Array.from({ length: 5 }, (_, i) => `${dead}-${i}`).sort())
    expect(await sentPreviews(live)).toEqual([])
    const held = await t.ds.manager.findBy(OutboxMessage, { dedupeKey: Like(`${live}-%`) })
    expect(held.map((r) => [r.status, r.lockedBy])).toEqual([
      ['pending', 'instance-still-sending'],
      ['pending', 'instance-still-sending'],
    ])
  })
})

describe('two instances retrying media checks', () => {
  it('start each stuck check exactly once', async () => {
    const started: number[] = []
    const counting = (app: AppContext): AppContext => {
      const wechat = Object.create(app.wechat) as AppContext['wechat']
      wechat.mediaCheckAsync = async (input) => {
        started.push(Number(/\/uploads\/(\d+)\//.exec(input.mediaUrl)?.[1]))
        return { traceId: `trace-${randomUUID()}` }
      }
      return { ...app, wechat }
    }
    const stuck: number[] = []
    const createdAt = new Date(Date.now() - 5 * 60_000)
    for (let i = 0; i < 12; i++) {
      const row = await t.ds.manager.save(Upload, {
        ownerUserId: residentId,
        purpose: 'ticket',
        storageKey: `claim-test/${randomUUID()}.jpg`,
        mime: 'image/jpeg',
        bytes: 10,
        width: 1,
        height: 1,
        sha256: 'x'.repeat(64),
        review: 'pending' as const,
        checkTraceId: null,
        checkDetail: null,
        createdAt,
      })
      stuck.push(row.id)
    }
    const expired = stuck.slice(-2)
    await t.ds.manager.update(
      Upload,
      { id: In(expired) },
      { lockedBy: 'instance-that-died', lockedUntil: new Date(t.clock.now.getTime() - 1000) },
    )
    await bothInstances(3, (app) => retryPendingMediaChecks(counting(app)))
    expect(started.filter((id) => stuck.includes(id)).sort((a, b) => a - b)).toEqual(stuck)
    const rows = await t.ds.manager.findBy(Upload, { id: In(stuck) })
    expect(rows.every((r) => r.checkTraceId?.startsWith('trace-') && r.lockedBy === null)).toBe(true)
  })
})

describe('the SLA sweep claims by the condition it acts on', () => {
  it('a ticket resolved again after the sweep read it (reopened, re-resolved today) is not auto-closed', async () => {
    const tok = await tokensFor(t, 'demo-resident-1')
    const { ticket } = await report(t, tok['demo-resident-1']!, await categoryId(t, tok['demo-resident-1']!, 'hazard', '消防安全'))
    const now = t.clock.now
    await t.ds.manager.update(
      Ticket,
      { id: ticket.id },
      { status: 'resolved', stage: 'done', resolvedAt: new Date(now.getTime() - 8 * 86400_000) },
    )
    // Between the sweep's read and its claim, the resident reopens and the officer resolves again.
    const manager = Object.create(t.ds.manager) as typeof t.ds.manager
    manager.find = (async (...args: Parameters<typeof t.ds.manager.find>) => {
      const rows = await t.ds.manager.find(...args)
      if ((rows as Array<{ id?: number }>).some((r) => r.id === ticket.id))
        await t.ds.manager.update(Ticket, { id: ticket.id }, { resolvedAt: now })
      return rows
    }) as typeof manager.find
    const ds = Object.create(t.ds, { manager: { value: manager } }) as typeof t.ds
    await runSlaSweep({ ...t.ctx, ds })
    const after = await t.ds.manager.findOneByOrFail(Ticket, { id: ticket.id })
    expect([after.status, after.closedAt]).toEqual(['resolved', null])
  })
})
