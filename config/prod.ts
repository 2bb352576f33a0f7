import type { UserConfigExport } from '@tarojs/cli'

export default {
  mini: {
    // Minified output keeps the main package well under WeChat's 2 MB limit.
    optimizeMainPackage: { enable: true },
  },
  h5: {},
} satisfies UserConfigExport<'webpack5'>
