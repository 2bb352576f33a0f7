/** Builds the H5 app when its sources are newer than dist/h5 (shared by npm start and npm test). */
const { spawnSync } = require('node:child_process')
const { existsSync, statSync, readdirSync } = require('node:fs')
const { join } = require('node:path')

const root = join(__dirname, '..', '..')
const h5Dir = join(root, 'dist', 'h5')

function newestMtime(dir) {
  let newest = 0
  if (!existsSync(dir)) return newest
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue
    const p = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs)
  }
  return newest
}

function buildH5IfStale({ quiet = false } = {}) {
  const built = join(h5Dir, 'index.html')
  const sources = Math.max(
    ...['miniapp', 'shared/src', 'config', 'babel.config.js'].map((d) => {
      const p = join(root, d)
      return existsSync(p) && statSync(p).isFile() ? statSync(p).mtimeMs : newestMtime(p)
    }),
  )
  if (existsSync(built) && statSync(built).mtimeMs > sources) {
    if (!quiet) console.log('H5 app is up to date (dist/h5).')
    return
  }
  console.log('Building the H5 app (about a minute)…')
  const r = spawnSync(process.execPath, [require.resolve('@tarojs/cli/bin/taro'), 'build', '--type', 'h5'], {
    cwd: root,
    stdio: ['ignore', quiet ? 'ignore' : 'inherit', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production' },
  })
  if (r.status !== 0) throw new Error('the H5 build failed')
}

module.exports = { root, h5Dir, buildH5IfStale }
