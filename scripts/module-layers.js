#!/usr/bin/env node
/**
 * `npm run docs:layers`: the README's picture of the server modules, redrawn from the code. The
 * layers come from .dependency-cruiser.cjs (where they are written once); the arrows are the imports
 * between modules that dependency-cruiser finds in production code (tests left out). An import
 * implied by a longer path of arrows is left out, so the picture stays short. An import the layers
 * forbid is drawn dotted, so a picture drawn mid-refactor does not hide it.
 * Rewrites README.md between the `module-layers` markers; `--print` prints the chart instead.
 */
const { spawnSync } = require('node:child_process')
const { readFileSync, writeFileSync } = require('node:fs')
const { join } = require('node:path')

const root = join(__dirname, '..')
const { layers } = require(join(root, '.dependency-cruiser.cjs'))
const START = '<!-- module-layers:start (npm run docs:layers) -->'
const END = '<!-- module-layers:end -->'

function moduleImports() {
  const run = spawnSync(
    join(root, 'node_modules', '.bin', 'depcruise'),
    ['server/src/modules', '--config', '.dependency-cruiser.cjs', '--output-type', 'json', '--exclude', '\\.test\\.ts$|test-helpers\\.ts$'],
    { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  )
  // depcruise exits non-zero while violations remain; its JSON is still complete.
  if (!run.stdout) throw new Error(`depcruise failed: ${run.stderr}`)
  const moduleOf = (path) => /^server\/src\/modules\/([^/]+)\//.exec(path)?.[1]
  const edges = new Map()
  for (const file of JSON.parse(run.stdout).modules) {
    const from = moduleOf(file.source)
    if (!from) continue
    for (const dep of file.dependencies) {
      const to = moduleOf(dep.resolved)
      if (to && to !== from) (edges.get(from) ?? edges.set(from, new Set()).get(from)).add(to)
    }
  }
  return edges
}

/** Whether `to` can be reached from `from` by a path of two arrows or more (`edges` has no cycle). */
function reachableAround(edges, from, to) {
  const seen = new Set()
  const stack = [...(edges.get(from) ?? [])].filter((next) => next !== to)
  while (stack.length) {
    const at = stack.pop()
    if (at === to) return true
    if (seen.has(at)) continue
    seen.add(at)
    stack.push(...(edges.get(at) ?? []))
  }
  return false
}

function chart(edges) {
  const layerOf = new Map(layers.flatMap((names, i) => names.map((name) => [name, i])))
  const lines = ['```mermaid', 'flowchart TB', '  top["app.ts · main.ts · jobs · demo · scripts"]']
  for (let i = layers.length - 1; i >= 0; i--) {
    lines.push(`  subgraph layer${i + 1}["layer ${i + 1}"]`, '    direction LR')
    for (const name of layers[i]) lines.push(`    ${name}`)
    lines.push('  end')
  }
  lines.push('  infra["lib · errors · db · events · realtime · middleware · integrations · config"]')
  // Invisible links stack the boxes in layer order whatever the arrows are.
  const column = ['top', ...layers.map((_, i) => `layer${i + 1}`).reverse(), 'infra']
  for (let i = 1; i < column.length; i++) lines.push(`  ${column[i - 1]} ~~~ ${column[i]}`)
  // Allowed arrows point strictly down, so they form no cycle and the shortening is well defined.
  const allowed = (from, to) => (layerOf.get(to) ?? Infinity) < (layerOf.get(from) ?? -Infinity)
  const down = new Map([...edges].map(([from, tos]) => [from, new Set([...tos].filter((to) => allowed(from, to)))]))
  for (const [from, tos] of [...edges].sort(([a], [b]) => a.localeCompare(b))) {
    for (const to of [...tos].sort()) {
      if (!allowed(from, to)) lines.push(`  ${from} -. breaks the layers .-> ${to}`)
      else if (!reachableAround(down, from, to)) lines.push(`  ${from} --> ${to}`)
    }
  }
  lines.push('```')
  return lines.join('\n')
}

const drawn = chart(moduleImports())
if (process.argv.includes('--print')) {
  console.log(drawn)
} else {
  const readmePath = join(root, 'README.md')
  const readme = readFileSync(readmePath, 'utf8')
  const start = readme.indexOf(START)
  const end = readme.indexOf(END)
  if (start < 0 || end < start) throw new Error(`README.md lacks the markers ${START} … ${END}`)
  writeFileSync(readmePath, `${readme.slice(0, start + START.length)}\n${drawn}\n${readme.slice(end)}`)
  console.log('README.md: module layers redrawn')
}
