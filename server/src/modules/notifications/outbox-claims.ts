import { In, LessThanOrEqual, type EntityManager } from 'typeorm'
import { claimDue, settleClaim, type Lease } from '../../db/claim'
import { OutboxMessage } from './entities'

/** Claims up to `batch` outbox rows due by `now` (pending, or failed and due again) for `lockMs`; see claimDue. */
export const claimDueOutbox = (em: EntityManager, now: Date, opts: { lockMs: number; batch: number }): Promise<Lease<OutboxMessage>> =>
  claimDue(em, OutboxMessage, { status: In(['pending', 'failed']), nextAttemptAt: LessThanOrEqual(now) }, { now, ...opts })

/** Writes a claimed row's outcome (none: hands it back) only while this claim still holds it; see settleClaim. */
export const settleOutbox = (em: EntityManager, id: number, token: string, set: Partial<OutboxMessage> = {}): Promise<boolean> =>
  settleClaim(em, OutboxMessage, id, token, set)
