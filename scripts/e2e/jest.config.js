/** Browser E2E: the real server (with the WeChat stand-in) serving the H5 build, driven in Chromium. */
module.exports = {
  rootDir: '../..',
  roots: ['<rootDir>/scripts/e2e'],
  testMatch: ['**/*.e2e.test.ts'],
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  testTimeout: 120000,
  maxWorkers: 1,
}
