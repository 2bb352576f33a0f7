import type { AppContext } from '../context'
import { deliverOutbox } from './outbox-delivery'
import { runSlaSweep } from '../modules/tickets'
import { retryPendingMediaChecks } from '../modules/uploads'
import { coverUnanswered } from '../modules/messages'

/**
 * Background work of a server instance. Every instance runs it; the jobs claim rows with
 * conditional UPDATEs, so running several at once neither doubles nor loses anything.
 */
export function startJobs(app: AppContext, opts: { slaEveryMs?: number; outboxEveryMs?: number } = {}): () => Promise<void> {
  const running = new Set<Promise<unknown>>()
  const every = (name: string, ms: number, job: () => Promise<unknown>) => {
    let busy = false
    return setInterval(() => {
      if (busy) return
      busy = true
      const run = job()
        .catch((err: unknown) => app.log.error(`${name} failed`, { error: err instanceof Error ? err.message : String(err) }))
        .finally(() => {
          busy = false
          running.delete(run)
        })
      running.add(run)
    }, ms)
  }
  const timers = [
    every('sla sweep', opts.slaEveryMs ?? 30_000, () => runSlaSweep(app)),
    every('outbox delivery', opts.outboxEveryMs ?? 5_000, () => deliverOutbox(app)),
    every('media check retry', 60_000, () => retryPendingMediaChecks(app)),
    every('unanswered messages', opts.slaEveryMs ?? 30_000, () => coverUnanswered(app)),
  ]
  return async () => {
    timers.forEach(clearInterval)
    await Promise.allSettled([...running])
  }
}
