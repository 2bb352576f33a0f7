import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import prodConfig from './prod'

const root = path.resolve(__dirname, '..')
const platform = process.env.TARO_ENV ?? 'h5'

/**
 * `@anju/shared` is a workspace that exports TypeScript source, reached through the
 * node_modules symlink; webpack resolves the symlink to /shared, which Taro would not compile
 * (it only compiles sourceRoot and Taro's own packages), so both targets include it.
 * zod ships modern syntax; compiling it keeps the mini-program bundle in the syntax that
 * older WeChat clients understand.
 */
const compileInclude = [path.join(root, 'shared'), (file: string) => /node_modules[\\/]zod[\\/]/.test(file)]

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'anju',
    date: '2025-11-23',
    designWidth: 750,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'miniapp',
    outputRoot: `dist/${platform}`,
    plugins: ['@tarojs/plugin-platform-h5', '@tarojs/plugin-platform-weapp'],
    env: {
      // H5 is served by the API server and calls relative /api/...; the mini-program needs an
      // absolute base. An .env file with TARO_APP_API_BASE overrides this default.
      TARO_APP_API_BASE: JSON.stringify(process.env.TARO_APP_API_BASE ?? 'http://127.0.0.1:3000'),
      // Subscribe-message template ids (受理 / 办结 / 升级) from the WeChat admin console; empty
      // ones are skipped, so a build without them still reports, just without notices.
      TARO_APP_TEMPLATE_ACCEPTED: JSON.stringify(process.env.TARO_APP_TEMPLATE_ACCEPTED ?? ''),
      TARO_APP_TEMPLATE_RESOLVED: JSON.stringify(process.env.TARO_APP_TEMPLATE_RESOLVED ?? ''),
      TARO_APP_TEMPLATE_ESCALATED: JSON.stringify(process.env.TARO_APP_TEMPLATE_ESCALATED ?? ''),
      // 新消息提醒, asked before a resident's first message to their officer.
      TARO_APP_TEMPLATE_MESSAGE: JSON.stringify(process.env.TARO_APP_TEMPLATE_MESSAGE ?? ''),
    },
    defineConstants: {},
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      compile: { include: compileInclude },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'browser' },
      compile: { include: compileInclude },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      webpackChain(chain) {
        // Taro splits only initial chunks; every page is an async chunk in H5, so zod, the
        // shared contract and the components would otherwise be copied into each page.
        const splitChunks = chain.optimization.get('splitChunks')
        if (splitChunks) chain.optimization.splitChunks({ ...splitChunks, chunks: 'all' })
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  }

  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig)
  return merge({}, baseConfig, prodConfig)
})
