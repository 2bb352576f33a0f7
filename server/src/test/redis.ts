import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { createServer } from 'node:net'

/** The Redis CI starts (`.ci/run`): tests that join two instances through Redis use it, each under its own prefix. */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'

/** A key prefix of the test's own, so tests sharing TEST_REDIS_URL never see each other's keys. */
export const testRedisPrefix = (name = 'anju-test') => `${name}-${randomBytes(4).toString('hex')}:`

export interface OwnRedis {
  url: string
  /** Starts it again on the same port (after `stop`). */
  start(): Promise<void>
  /** SIGKILL: Redis vanishing as in a crash, not a polite shutdown. */
  stop(): Promise<void>
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => resolve(port))
    })
    s.on('error', reject)
  })

/** Resolves once redis-server says it accepts connections; rejects if it exits first (port taken, not installed). */
function launch(port: number): Promise<ChildProcess> {
  const proc = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  })
  return new Promise((resolve, reject) => {
    let out = ''
    proc.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      if (out.includes('Ready to accept connections')) resolve(proc)
    })
    proc.once('error', reject)
    proc.once('exit', (code) => reject(new Error(`redis-server exited (${code}): ${out}`)))
  })
}

/** A redis-server of the test's own, on a free port, that it may kill and start again without touching the shared one. */
export async function startOwnRedis(): Promise<OwnRedis> {
  const port = await freePort()
  let proc = await launch(port)
  return {
    url: `redis://127.0.0.1:${port}`,
    start: async () => {
      proc = await launch(port)
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (proc.exitCode !== null || proc.signalCode !== null) return resolve()
        proc.once('exit', () => resolve())
        proc.kill('SIGKILL')
      }),
  }
}
