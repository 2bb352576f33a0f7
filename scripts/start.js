#!/usr/bin/env node
/**
 * `npm start`: build the H5 app when its sources changed, start the server on the embedded
 * SQLite database (or DATABASE_URL), with the WeChat stand-in and the demo data, serving the app
 * and the API from one port. Ctrl-C stops everything.
 */
const { spawn } = require('node:child_process')
const { join } = require('node:path')
const { root, h5Dir, buildH5IfStale } = require('./lib/h5')
const { buildServer } = require('./lib/server-build')

const port = process.env.PORT || '3000'

buildH5IfStale()
// Plain JavaScript compiled from the sources just now: no TypeScript compiler in the running server.
const server = spawn(process.execPath, [buildServer()], {
  cwd: join(root, 'server'),
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  env: {
    NODE_ENV: 'development',
    DEMO_DATA: '1',
    H5_DIR: h5Dir,
    PORT: port,
    LOG_LEVEL: 'warn',
    DATA_DIR: join(root, 'data'),
    ...process.env,
  },
})
server.on('message', (msg) => {
  if (!msg || msg.type !== 'listening') return
  const url = `http://127.0.0.1:${msg.port}`
  console.log(`
  安居 Anju is running:  ${url}
  API document:          ${url}/api/openapi.json
  Database:              ${process.env.DATABASE_URL ? 'DATABASE_URL' : 'SQLite, data/anju.sqlite'}

  Demo logins: the login page lists them (WeChat is the local stand-in). Try
    新居民                 a first-time resident: open a building QR link below to bind
    居民 (住址…民警在岗)     sees their officer on duty
    居民 (…民警休假中)       sees the officer on leave and the street duty desk covering
    楼长民警 / 值班台 / 志愿者 / 系统管理员   the staff homes
  Building QR links: ${url}/?building=QS-111-01 (officer on duty), ${url}/?building=QS-112-01 (officer on leave)

  Press Ctrl-C to stop.`)
})
let stopping = false
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    if (stopping) return
    stopping = true
    server.kill('SIGTERM')
  })
}
server.on('exit', (code) => process.exit(stopping ? 0 : (code ?? 1)))
