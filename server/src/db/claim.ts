import { randomUUID } from 'node:crypto'
import { In, IsNull, LessThan, type EntityManager, type EntityTarget, type FindOptionsWhere } from 'typeorm'
import { isDeadlock } from './errors'

/** A row a job works on outside a transaction (a call to WeChat): held by one caller until `lockedUntil`. */
export interface Leased {
  id: number
  lockedBy: string | null
  lockedUntil: Date | null
}

export interface Lease<T> {
  /** Fresh for every claim: the final write of each row must still carry it. */
  token: string
  rows: T[]
}

/**
 * Claims up to `batch` rows that are `due` and not held (or held past their time by an instance
 * that died). One conditional UPDATE decides: it repeats the due condition and the free-lease
 * condition, so when two instances found the same rows, each row changes for one of them only
 * (the row lock makes the second UPDATE see the first one's lease). The rows are then read back
 * by the fresh token, never taken from the earlier read.
 */
export async function claimDue<T extends Leased>(
  em: EntityManager,
  target: EntityTarget<T>,
  due: FindOptionsWhere<T>,
  opts: { now: Date; lockMs: number; batch: number },
): Promise<Lease<T>> {
  const token = randomUUID()
  const free = (extra: FindOptionsWhere<T> = {}) =>
    [
      { ...due, ...extra, lockedUntil: IsNull() },
      { ...due, ...extra, lockedUntil: LessThan(opts.now) },
    ] as FindOptionsWhere<T>[]
  const found = await em.find(target, { select: { id: true } as never, where: free(), order: { id: 'ASC' } as never, take: opts.batch })
  if (found.length === 0) return { token, rows: [] }
  const ids = found.map((r) => r.id)
  try {
    await em
      .createQueryBuilder()
      .update(target)
      .set({ lockedBy: token, lockedUntil: new Date(opts.now.getTime() + opts.lockMs) } as never)
      .where(free({ id: In(ids) } as FindOptionsWhere<T>))
      .execute()
  } catch (err) {
    // Two claims crossing on MySQL may deadlock; the loser simply claims nothing this round.
    if (isDeadlock(err)) return { token, rows: [] }
    throw err
  }
  const rows = await em.find(target, { where: { lockedBy: token } as FindOptionsWhere<T>, order: { id: 'ASC' } as never })
  return { token, rows }
}

/**
 * The final write of a claimed row, and the end of its lease: it happens only while the row still
 * carries this claim's token. False when the lease ran out and another instance took the row over,
 * whose own outcome then stands.
 */
export async function settleClaim<T extends Leased>(
  em: EntityManager,
  target: EntityTarget<T>,
  id: number,
  token: string,
  set: Partial<T> = {},
): Promise<boolean> {
  const res = await em.update(
    target,
    { id, lockedBy: token } as FindOptionsWhere<T>,
    { ...set, lockedBy: null, lockedUntil: null } as never,
  )
  return (res.affected ?? 0) > 0
}

/**
 * A one-step claim for jobs that move a row from one state to the next (warn, escalate, close, hand
 * over): one conditional UPDATE whose WHERE is the whole condition the job acts on, due time
 * included, not just the row's id. True only for the caller whose UPDATE changed the row; a row
 * that changed since it was read (reopened, answered) no longer meets the WHERE and is left alone.
 */
export async function claimStep<T extends { id: number }>(
  em: EntityManager,
  target: EntityTarget<T>,
  where: FindOptionsWhere<T>,
  set: Partial<T>,
): Promise<boolean> {
  const res = await em.update(target, where, set as never)
  return (res.affected ?? 0) > 0
}
