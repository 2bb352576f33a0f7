/**
 * Samples a process's resident set (VmRSS in /proc/<pid>/status) every `intervalMs`, attributing
 * each sample to the phase set last. VmHWM, the kernel's own peak, catches what falls between samples.
 */
const { readFileSync } = require('node:fs')

function readStatusKb(pid, field) {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return match ? Number(match[1]) : NaN
  } catch {
    return NaN
  }
}

function rssSampler(pid, intervalMs = 100) {
  const maxByPhase = new Map()
  let phase = null
  const sample = () => {
    if (!phase) return
    const kb = readStatusKb(pid, 'VmRSS')
    if (Number.isFinite(kb)) maxByPhase.set(phase, Math.max(maxByPhase.get(phase) ?? 0, kb))
  }
  const timer = setInterval(sample, intervalMs)
  timer.unref()
  return {
    /** Samples from now on count for `name`; null pauses sampling. */
    phase(name) {
      sample()
      phase = name
      sample()
    },
    maxKb: (name) => maxByPhase.get(name) ?? NaN,
    nowKb: () => readStatusKb(pid, 'VmRSS'),
    peakKb: () => readStatusKb(pid, 'VmHWM'),
    stop: () => clearInterval(timer),
  }
}

module.exports = { rssSampler }
