/** Latency percentiles and a bounded concurrent driver. */

/** Nearest-rank percentile of an unsorted list of milliseconds. */
function percentile(values, p) {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]
}

function latency(values) {
  return { n: values.length, p50: percentile(values, 50), p99: percentile(values, 99), max: values.length ? Math.max(...values) : NaN }
}

/**
 * Runs `task(index, worker)` for indexes 0..count-1 on `workers` concurrent loops, stopping early
 * when `deadlineMs` has passed. Resolves with how many ran and the wall time they took.
 */
async function runConcurrent({ workers, count, deadlineMs, task }) {
  let next = 0
  const started = Date.now()
  const stopAt = started + deadlineMs
  let stoppedEarly = false
  const loop = async (worker) => {
    while (next < count) {
      if (Date.now() >= stopAt) {
        stoppedEarly = true
        return
      }
      await task(next++, worker)
    }
  }
  await Promise.all(Array.from({ length: workers }, (_, w) => loop(w)))
  return { ran: Math.min(next, count), seconds: (Date.now() - started) / 1000, stoppedEarly }
}

const ms = (x) => (Number.isFinite(x) ? `${x < 10 ? x.toFixed(1) : Math.round(x)} ms` : '–')
const perSecond = (x) => (Number.isFinite(x) ? `${Math.round(x)}/s` : '–')
const percent = (x) => (Number.isFinite(x) ? `${Math.round(x * 100)} %` : '–')
const times = (x) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : '–')
const mb = (kb) => (Number.isFinite(kb) ? `${Math.round(kb / 1024)} MB` : '–')

module.exports = { percentile, latency, runConcurrent, format: { ms, perSecond, percent, times, mb } }
