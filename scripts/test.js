#!/usr/bin/env node
/**
 * `npm test`: the whole suite.
 *   1. server and shared (real database: SQLite, or MariaDB when TEST_DATABASE_URL is set)
 *   2. mini-program components (jsdom)
 *   3. browser E2E on the H5 build in Chromium, when a Chromium is found
 * Ends with one line "tests: N passed, N failed" and a non-zero exit if anything failed.
 */
const { spawnSync } = require('node:child_process')
const { existsSync, mkdtempSync, readFileSync, rmSync } = require('node:fs')
const { tmpdir } = require('node:os')
const { join } = require('node:path')
const { root, buildH5IfStale } = require('./lib/h5')

const jest = require.resolve('jest/bin/jest')
const chromium = process.env.CHROMIUM_PATH || ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p))
const extraArgs = process.argv.slice(2)

const suites = [
  { name: 'server + shared', config: 'server/jest.config.js' },
  { name: 'mini-program components', config: 'miniapp/jest.config.js' },
  {
    name: 'browser E2E (H5 build in Chromium)',
    config: 'scripts/e2e/jest.config.js',
    skip:
      process.env.SKIP_E2E === '1'
        ? 'SKIP_E2E=1 was set'
        : !chromium
          ? 'no Chromium found at /usr/bin/chromium (apt-get install chromium, or set CHROMIUM_PATH)'
          : null,
    before: () => buildH5IfStale(),
  },
]

const outDir = mkdtempSync(join(tmpdir(), 'anju-test-'))
let passed = 0
let failed = 0
const notes = []
for (const suite of suites) {
  console.log(`\n=== ${suite.name} ===`)
  if (suite.skip) {
    console.log(`SKIPPED: ${suite.skip}`)
    notes.push(`${suite.name}: not run — ${suite.skip}`)
    continue
  }
  try {
    suite.before?.()
  } catch (err) {
    console.error(err.message)
    failed += 1
    notes.push(`${suite.name}: could not start — ${err.message}`)
    continue
  }
  const out = join(outDir, `${suites.indexOf(suite)}.json`)
  const r = spawnSync(process.execPath, [jest, '-c', suite.config, '--json', `--outputFile=${out}`, ...extraArgs], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, CHROMIUM_PATH: chromium ?? '' },
  })
  if (!existsSync(out)) {
    failed += 1
    notes.push(`${suite.name}: jest exited ${r.status} without results`)
    continue
  }
  const result = JSON.parse(readFileSync(out, 'utf8'))
  passed += result.numPassedTests
  failed += result.numFailedTests + (r.status !== 0 && result.numFailedTests === 0 ? 1 : 0)
  notes.push(
    `${suite.name}: ${result.numPassedTests} passed, ${result.numFailedTests} failed${r.status !== 0 && result.numFailedTests === 0 ? ` (jest exited ${r.status})` : ''}`,
  )
}
rmSync(outDir, { recursive: true, force: true })

console.log(`\n=== summary (database: ${process.env.TEST_DATABASE_URL ? 'MariaDB/MySQL via TEST_DATABASE_URL' : 'SQLite'}) ===`)
for (const n of notes) console.log(`  ${n}`)
console.log(`tests: ${passed} passed, ${failed} failed`)
process.exit(failed > 0 ? 1 : 0)
