/**
 * Component tests for the mini-program, run in jsdom against Taro's H5 implementation:
 *   npx jest -c miniapp/jest.config.js
 */
const path = require('node:path')

const root = path.resolve(__dirname, '..')

/** @type {import('jest').Config} */
module.exports = {
  rootDir: root,
  roots: ['<rootDir>/miniapp'],
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/miniapp/**/*.test.{ts,tsx}'],
  setupFiles: ['<rootDir>/miniapp/test/setup-env.ts'],
  // Build-time constants Taro's runtime expects webpack to define.
  globals: {
    ENABLE_INNER_HTML: true,
    ENABLE_ADJACENT_HTML: true,
    ENABLE_SIZE_APIS: false,
    ENABLE_TEMPLATE_CONTENT: true,
    ENABLE_CLONE_NODE: true,
    ENABLE_CONTAINS: true,
    ENABLE_MUTATION_OBSERVER: false,
    DEPRECATED_ADAPTER_COMPONENT: false,
  },
  transform: {
    '^.+\\.(m?js|jsx|ts|tsx)$': [
      '@swc/jest',
      {
        swcrc: false,
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic' } },
          target: 'es2020',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  // Taro's H5 packages and the web components behind them ship ES modules (some pulled in
  // several levels down), so node_modules is compiled too, except the big CommonJS packages.
  transformIgnorePatterns: ['/node_modules/(react|react-dom|scheduler|zod|jsdom|@testing-library)/'],
  moduleNameMapper: {
    '^@tarojs/taro$': '<rootDir>/node_modules/@tarojs/taro-h5',
    '^@tarojs/components$': '<rootDir>/miniapp/test/taro-components.ts',
    '\\.(s?css)$': 'identity-obj-proxy',
    '^@anju/shared$': '<rootDir>/shared/src',
  },
}
