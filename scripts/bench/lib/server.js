/**
 * Starts the real server as `npm start` does (server/src/main.ts compiled to JavaScript, PORT=0,
 * the WeChat stand-in in-process, the demo district seeded) against a given database, and waits
 * for its `{type:'listening', port}` message.
 */
const { spawn } = require('node:child_process')
const { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } = require('node:fs')
const { tmpdir } = require('node:os')
const { join } = require('node:path')
const { buildServer } = require('../../lib/server-build')
const { onCleanup, trackChild } = require('./cleanup')

const root = join(__dirname, '..', '..', '..')
const LOG_DIR = join(root, 'artifacts', 'bench')
const START_TIMEOUT_MS = 180_000

let lastBuild = null

/**
 * `profile`: write a V8 CPU profile of the server to artifacts/bench/ when it stops (open it in Chrome DevTools).
 * `build: false` reuses this process's last build: a second instance must run the same code as the
 * first, and a rebuild deletes files the first may still load.
 */
async function startServer({ databaseUrl, name, env = {}, profile = false, build = true }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'anju-bench-'))
  mkdirSync(LOG_DIR, { recursive: true })
  const logFile = join(LOG_DIR, `${name}-server.log`)
  const log = createWriteStream(logFile)
  const childEnv = {
    ...process.env,
    NODE_ENV: 'development',
    DEMO_DATA: '1',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    // The load generator logs every bench resident in from one address; login is not what is measured.
    LOGIN_PER_ADDRESS_PER_MINUTE: '100000',
    ...env,
  }
  // Unset: the server starts its WeChat stand-in on 127.0.0.1; the bench never leaves this machine.
  delete childEnv.WECHAT_API_BASE
  const profiling = profile ? ['--cpu-prof', `--cpu-prof-dir=${LOG_DIR}`, `--cpu-prof-name=${name}-server.cpuprofile`] : []
  // BENCH_SERVER_NODE_ARGS: V8 settings to try on the server alone (e.g. --max-semi-space-size=4 --trace-gc).
  const extra = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean)
  // The compiled server, as `npm start` runs it (no TypeScript compiler in the process).
  if (build || !lastBuild) lastBuild = buildServer()
  const child = spawn(process.execPath, [...extra, ...profiling, lastBuild], {
    cwd: join(root, 'server'),
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    env: childEnv,
  })
  trackChild(child)
  child.stdout.pipe(log)
  child.stderr.pipe(log)

  let exited = false
  const exit = new Promise((resolve) =>
    child.once('exit', (code, signal) => {
      exited = true
      resolve({ code, signal })
    }),
  )
  const stop = onCleanup(`stop ${name} server`, async () => {
    if (!exited) {
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
      await exit
      clearTimeout(timer)
    }
    log.end()
    rmSync(dataDir, { recursive: true, force: true })
  })

  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the server did not listen within ${START_TIMEOUT_MS / 1000} s; see ${logFile}`)),
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
      reject(new Error(`the server exited (${signal ?? code}) before listening:\n${tail(logFile)}`))
    })
  })
  return { url: `http://127.0.0.1:${port}`, pid: child.pid, logFile, stop, isRunning: () => !exited }
}

/** The memory baseline: the RSS of bare node on an empty file. What the server holds above it is the application's own. */
async function runnerFloorKb() {
  const dir = mkdtempSync(join(tmpdir(), 'anju-bench-floor-'))
  const source = "setTimeout(() => process.send(require('node:fs').readFileSync('/proc/self/status', 'utf8')), 300)\n"
  writeFileSync(join(dir, 'empty.js'), source)
  const measure = (args) =>
    new Promise((resolve) => {
      const child = spawn(process.execPath, args, { cwd: join(root, 'server'), stdio: ['ignore', 'ignore', 'ignore', 'ipc'] })
      trackChild(child)
      child.once('message', (status) => {
        child.kill()
        resolve(Number(/^VmRSS:\s+(\d+)/m.exec(String(status))?.[1] ?? NaN))
      })
      child.once('exit', () => resolve(NaN))
    })
  try {
    return { bareNode: await measure([join(dir, 'empty.js')]) }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

function tail(file, lines = 30) {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n')
  } catch {
    return '(no log)'
  }
}

module.exports = { startServer, runnerFloorKb, root }
