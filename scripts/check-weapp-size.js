#!/usr/bin/env node
/**
 * `npm run build:weapp` ends here: WeChat refuses to upload a mini-program whose main package
 * is over 2 MB, so the build fails before anyone finds out at upload time. Subpackages (the
 * `root` folders listed in app.json) have their own limit and are not counted; neither are
 * the DevTools project files or source maps, which are not uploaded. Our own budget is half of
 * WeChat's: the main package loads before the first screen, on the slow phones many elderly
 * residents hold, so new domains' pages go to subpackages and the main package stays under 1 MB.
 */
const { existsSync, readFileSync, readdirSync, statSync } = require('node:fs')
const { join, relative, sep } = require('node:path')

const WECHAT_LIMIT_BYTES = 2 * 1024 * 1024
const BUDGET_BYTES = 1024 * 1024
const distDir = join(__dirname, '..', 'dist', 'weapp')
const NOT_UPLOADED = new Set(['project.config.json', 'project.private.config.json'])

function subpackageRoots() {
  const appJson = join(distDir, 'app.json')
  if (!existsSync(appJson)) return []
  const app = JSON.parse(readFileSync(appJson, 'utf8'))
  return [...(app.subPackages ?? []), ...(app.subpackages ?? [])]
    .map((pkg) => String(pkg.root ?? '').replace(/^\/+|\/+$/g, ''))
    .filter(Boolean)
}

function sizeOf(dir, skipRoots) {
  let total = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    const rel = relative(distDir, path).split(sep).join('/')
    if (skipRoots.some((root) => rel === root || rel.startsWith(`${root}/`))) continue
    if (entry.isDirectory()) total += sizeOf(path, skipRoots)
    else if (!NOT_UPLOADED.has(rel) && !entry.name.endsWith('.map')) total += statSync(path).size
  }
  return total
}

if (!existsSync(join(distDir, 'app.json'))) {
  console.error(`No mini-program build at ${distDir}; run \`taro build --type weapp\` first.`)
  process.exit(1)
}

const bytes = sizeOf(distDir, subpackageRoots())
const kb = (bytes / 1024).toFixed(1)
if (bytes > WECHAT_LIMIT_BYTES) {
  console.error(`weapp main package: ${kb} KB — over WeChat's 2048 KB limit.`)
  process.exit(1)
}
if (bytes > BUDGET_BYTES) {
  console.error(`weapp main package: ${kb} KB — over Anju's 1024 KB budget: move the new pages to a subpackage.`)
  process.exit(1)
}
console.log(`weapp main package: ${kb} KB (budget 1024 KB; WeChat's limit 2048 KB)`)
