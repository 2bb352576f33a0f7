/**
 * Starts the raw baseline's server (raw-server.js) as a child process, alone or with Redis, and
 * registers its stop with the bench's cleanup.
 */
const { spawn } = require('node:child_process')
const { join } = require('node:path')
const { onCleanup, trackChild } = require('../lib/cleanup')

const START_TIMEOUT_MS = 15_000

async function startRawServer({ name, env = {} }) {
  const child = spawn(process.execPath, [join(__dirname, 'raw-server.js')], {
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    env: { ...process.env, ...env },
  })
  trackChild(child)
  let exited = false
  const exit = new Promise((resolve) =>
    child.once('exit', (code, signal) => {
      exited = true
      resolve({ code, signal })
    }),
  )
  const stop = onCleanup(`stop raw server ${name}`, async () => {
    if (exited) return
    child.kill('SIGTERM')
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000)
    await exit
    clearTimeout(timer)
  })
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`raw server ${name} did not listen within ${START_TIMEOUT_MS / 1000} s`)),
      START_TIMEOUT_MS,
    )
    child.on('message', (m) => {
      if (m && m.type === 'listening') {
        clearTimeout(timer)
        resolve(m.port)
      }
    })
    exit.then(({ code, signal }) => {
      clearTimeout(timer)
      reject(new Error(`raw server ${name} exited (${signal ?? code}) before listening`))
    })
  })
  return { url: `http://127.0.0.1:${port}`, pid: child.pid, stop }
}

module.exports = { startRawServer }
