/**
 * Who used the machine's CPU during a phase: the server, the database, this load generator, and
 * everything else (other people's test runs share this machine). Read from /proc: the machine's
 * jiffies in /proc/stat, each process's utime+stime in /proc/<pid>/stat. CPU per ticket is the
 * figure least disturbed by neighbours; the share taken by "other" says how far to trust the rates.
 */
const { readdirSync, readFileSync } = require('node:fs')

/** USER_HZ: /proc counts CPU time in hundredths of a second on Linux. */
const TICKS_PER_SECOND = 100

function machineJiffies() {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number)
  const total = fields.reduce((a, b) => a + b, 0)
  const idle = fields[3] + (fields[4] ?? 0) // idle + iowait
  return { total, busy: total - idle }
}

function processJiffies(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // Fields after the command name (which may hold spaces, inside parentheses).
    const after = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return Number(after[11]) + Number(after[12]) // utime, stime
  } catch {
    return NaN
  }
}

/** The database server's pid when it runs on this machine, else null. */
function findProcess(names) {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      if (names.includes(readFileSync(`/proc/${entry}/comm`, 'utf8').trim())) return Number(entry)
    } catch {
      // gone while we looked
    }
  }
  return null
}

/**
 * `pids`: { label: pid }. start() then stop() gives each label's share of the machine (1 = all
 * cores busy), the share of everything else, and CPU seconds per label.
 */
function cpuMeter(pids) {
  let start = null
  const snapshot = () => ({
    machine: machineJiffies(),
    procs: Object.fromEntries(Object.entries(pids).map(([k, pid]) => [k, pid ? processJiffies(pid) : NaN])),
  })
  return {
    start() {
      start = snapshot()
    },
    stop() {
      const end = snapshot()
      const total = end.machine.total - start.machine.total
      const share = {}
      const seconds = {}
      let ours = 0
      for (const k of Object.keys(pids)) {
        const used = end.procs[k] - start.procs[k]
        share[k] = used / total
        seconds[k] = used / TICKS_PER_SECOND
        if (Number.isFinite(used)) ours += used
      }
      share.other = Math.max(0, (end.machine.busy - start.machine.busy - ours) / total)
      share.idle = 1 - (end.machine.busy - start.machine.busy) / total
      return { share, seconds }
    },
  }
}

module.exports = { cpuMeter, findProcess }
