import type { UserConfigExport } from '@tarojs/cli'

export default {
  logger: { quiet: false, stats: true },
  mini: {},
  h5: {
    // Fast refresh needs @pmmmwh/react-refresh-webpack-plugin, which the repo does not carry;
    // `npm run dev:h5` reloads the page instead.
    devServer: {
      hot: false,
      port: 10086,
      proxy: { '/api': { target: 'http://127.0.0.1:3000', ws: true }, '/files': 'http://127.0.0.1:3000' },
    },
  },
} satisfies UserConfigExport<'webpack5'>
