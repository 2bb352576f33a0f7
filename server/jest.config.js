/** Server and shared tests: real database (SQLite, or MariaDB with TEST_DATABASE_URL), real HTTP, stand-ins for WeChat. */
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
}

module.exports = {
  rootDir: '..',
  roots: ['<rootDir>/server/src', '<rootDir>/shared/src'],
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testTimeout: 60000,
  // Each test file opens its own database, so files run in parallel safely; two workers fit this machine.
  maxWorkers: 2,
}
