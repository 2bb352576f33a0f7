/**
 * Everything a bench starts (a scratch database, a server process) registers how to undo itself
 * here. The runner undoes them in reverse order when the benches end, fail or are interrupted, so
 * no database or process outlives `npm run bench`.
 */
const tasks = []
const children = new Set()

/** Registers an async undo step; returns a function that runs it early (and only once). */
function onCleanup(label, fn) {
  const task = { label, fn, done: false }
  tasks.push(task)
  return async () => runTask(task)
}

async function runTask(task) {
  if (task.done) return
  task.done = true
  try {
    await task.fn()
  } catch (err) {
    console.error(`cleanup (${task.label}) failed: ${err && err.message ? err.message : err}`)
  }
}

async function cleanupAll() {
  for (const task of [...tasks].reverse()) await runTask(task)
  tasks.length = 0
}

/** A child process that must not outlive this one, even on a crash where async cleanup cannot run. */
function trackChild(child) {
  children.add(child)
  child.once('exit', () => children.delete(child))
}

process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL')
})

module.exports = { onCleanup, cleanupAll, trackChild }
