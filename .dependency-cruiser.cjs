/**
 * The server's module rule, run by `npm run lint` (`npm run lint:deps`). See server/src/modules/README.md.
 *
 * LAYERS is the one place the module layers are written. A module may import only modules of a
 * strictly lower layer, and only through their door, `modules/<name>/index.ts`. Type-only imports
 * count too (tsPreCompilationDeps): naming another module's internal type is still reaching inside.
 */

const path = require('node:path')

/** Lowest first. A new domain (legal, payments, hotline) goes in the layer of messages or above. */
const LAYERS = [
  ['audit', 'places'],
  ['users'],
  ['officers'],
  ['auth'],
  ['invites'],
  ['uploads', 'notifications'],
  ['tickets'],
  ['messages'],
]

const SRC = '^server/src/'
const modulesIn = (names) => `${SRC}modules/(${names.join('|')})/`
const ALL_MODULES = LAYERS.flat()
const DOOR = `${SRC}modules/[^/]+/index\\.ts$`

// Tests are white-box: they may import any module's internals, across any layer.
const TESTS = ['\\.test\\.ts$', '(^|/)test-helpers\\.ts$', `${SRC}test/`]

// The schema's entity list, from which migrations are generated: it names every module's entities.ts.
const ENTITY_REGISTRY = `${SRC}db/entities\\.ts$`

// Below every module: may import no module, and nothing from the top.
const INFRASTRUCTURE = [
  `${SRC}(lib|errors|db|integrations|realtime|middleware|events|migrations|standins)/`,
  `${SRC}(config|context|redis-users)\\.ts$`,
]

// The top: wires modules together; only the top (and tests) may import it.
const TOP = `${SRC}(app|main)\\.ts$|${SRC}(jobs|demo|scripts)/`

/** One rule per layer: its modules may not import a module of the same layer or a higher one. */
const layerRules = LAYERS.map((layer, i) => {
  const notBelow = LAYERS.slice(i).flat()
  const lower = LAYERS.slice(0, i).flat()
  return {
    name: `layer-${i + 1}`,
    comment: `${layer.join(', ')} (layer ${i + 1}) ${lower.length ? `may import only ${lower.join(', ')}` : 'may import no module'}; to cause something above, emit an event (server/src/events)`,
    severity: 'error',
    from: { path: modulesIn(layer), pathNot: TESTS },
    to: { path: modulesIn(notBelow), pathNot: `${SRC}modules/$1/` },
  }
})

module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'no circular import, type-only ones included',
      severity: 'error',
      from: { path: '^(server|shared)/src/' },
      to: { circular: true },
    },
    {
      name: 'module-internals',
      comment: 'a module imports another module only through its door, modules/<name>/index.ts',
      severity: 'error',
      from: { path: `${SRC}modules/([^/]+)/`, pathNot: TESTS },
      to: { path: `${SRC}modules/`, pathNot: [`${SRC}modules/$1/`, DOOR] },
    },
    {
      name: 'module-internals-from-outside',
      comment: 'code outside the modules imports a module only through its door, modules/<name>/index.ts',
      severity: 'error',
      from: { path: SRC, pathNot: [`${SRC}modules/`, ENTITY_REGISTRY, ...TESTS] },
      to: { path: `${SRC}modules/`, pathNot: DOOR },
    },
    ...layerRules,
    {
      name: 'module-not-in-layers',
      comment: 'every module has a place in LAYERS (.dependency-cruiser.cjs)',
      severity: 'error',
      from: {},
      to: { path: `${SRC}modules/[^/]+/`, pathNot: modulesIn(ALL_MODULES) },
    },
    {
      name: 'infrastructure-imports-no-module',
      comment:
        'lib, errors, db, integrations, realtime, middleware, events, config and context stand below every module: take what you need as a parameter',
      severity: 'error',
      from: { path: INFRASTRUCTURE, pathNot: [ENTITY_REGISTRY, ...TESTS] },
      to: { path: [`${SRC}modules/`, TOP] },
    },
    {
      name: 'nothing-imports-the-top',
      comment: 'app.ts, main.ts, jobs, demo and scripts are the top: modules never import them',
      severity: 'error',
      from: { path: `${SRC}modules/`, pathNot: TESTS },
      to: { path: TOP },
    },
    {
      name: 'production-imports-no-test-code',
      comment: 'test files, test-helpers.ts and server/src/test are for tests only',
      severity: 'error',
      from: { pathNot: TESTS },
      to: { path: TESTS },
    },
    {
      name: 'standins-for-dev-and-tests',
      comment:
        'the WeChat stand-in is started by main.ts (dev) and by tests; production code talks to it only over HTTP, through integrations/wechat',
      severity: 'error',
      from: { pathNot: [`${SRC}standins/`, `${SRC}main\\.ts$`, ...TESTS] },
      to: { path: `${SRC}standins/` },
    },
    {
      name: 'shared-imports-no-server',
      comment: '@anju/shared is imported by the server and the mini-program, never the other way round',
      severity: 'error',
      from: { path: '^shared/src/' },
      to: { path: '^server/' },
    },
  ],
  options: {
    includeOnly: '^(server|shared)/src/',
    tsPreCompilationDeps: true,
    // Absolute: TypeScript resolves the tsconfig's `extends` against a relative name twice.
    tsConfig: { fileName: path.join(__dirname, 'server/tsconfig.json') },
    // @anju/shared is a workspace symlink: follow it to shared/src.
    preserveSymlinks: false,
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json'] },
  },
}

// For scripts/module-layers.js (the README's picture). Not enumerable: dependency-cruiser refuses unknown keys.
Object.defineProperty(module.exports, 'layers', { value: LAYERS })
