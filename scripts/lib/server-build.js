/**
 * Compiles the server (and the shared package it imports) to plain JavaScript in server/dist, so
 * a running server carries no TypeScript compiler: it starts faster and holds ~80 MB less.
 * `@anju/shared` becomes a relative path into the same tree. Takes a second or two.
 */
const { transformFileSync } = require('@swc/core')
const { mkdirSync, readdirSync, rmSync, writeFileSync } = require('node:fs')
const { dirname, join, relative } = require('node:path')

const root = join(__dirname, '..', '..')
const outDir = join(root, 'server', 'dist')
const SOURCES = ['server/src', 'shared/src']

function tsFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const p = join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'test' ? [] : tsFiles(p)
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !entry.name.endsWith('.d.ts') ? [p] : []
  })
}

function buildServer() {
  rmSync(outDir, { recursive: true, force: true })
  for (const source of SOURCES) {
    for (const file of tsFiles(join(root, source))) {
      const { code } = transformFileSync(file, {
        swcrc: false,
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
          baseUrl: join(root, 'server'),
          paths: { '@anju/shared': ['../shared/src/index.ts'] },
        },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      })
      const out = join(outDir, relative(root, file)).replace(/\.ts$/, '.js')
      mkdirSync(dirname(out), { recursive: true })
      writeFileSync(out, code)
    }
  }
  return join(outDir, 'server', 'src', 'main.js')
}

module.exports = { buildServer }

if (require.main === module) console.log(`built ${relative(root, buildServer())}`)
