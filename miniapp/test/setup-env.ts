/**
 * Runs before each test file.
 *
 * Taro's page hooks (useDidShow, useRouter…) are attached to the Taro object by the build;
 * taro-h5 alone does not have them. Tests get small stand-ins: a page "shows" once when it
 * mounts, and the router params are whatever the test sets with `setRouterParams`.
 */
import { useEffect, useRef } from 'react'

process.env.TARO_ENV = 'h5'
process.env.SUPPORT_TARO_POLYFILL = 'disabled'
process.env.SUPPORT_DINGTALK_NAVIGATE = 'disabled'

// Required after the environment is set: Taro reads it while loading.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const TaroModule = require('@tarojs/taro') as Record<string, unknown>

let routerParams: Record<string, string> = {}
export function setRouterParams(params: Record<string, string>): void {
  routerParams = params
}

function useOnce(callback: (...args: never[]) => unknown): void {
  const ref = useRef(callback)
  ref.current = callback
  useEffect(() => {
    ref.current()
  }, [])
}

const hooks = {
  useDidShow: useOnce,
  useLoad: useOnce,
  useReady: useOnce,
  useLaunch: useOnce,
  useDidHide: () => undefined,
  useUnload: () => undefined,
  usePullDownRefresh: () => undefined,
  useRouter: () => ({ params: routerParams, path: '/' }),
  // Scrolling to the bottom does not happen in jsdom; lists also offer a 加载更多 button.
  useReachBottom: () => undefined,
}

const taro = TaroModule as Record<string, unknown> & { default: Record<string, unknown> }
// The build rewrites `Taro.makePhoneCall` into a named import of taro-h5
// (babel-plugin-transform-taroapi); without it the APIs must sit on the default export too,
// which is also where tests spy on them.
for (const [name, value] of Object.entries(taro)) {
  if (name !== 'default' && !(name in taro.default)) taro.default[name] = value
}
Object.assign(taro.default, hooks)
for (const [name, hook] of Object.entries(hooks)) {
  if (!(name in taro)) Object.defineProperty(taro, name, { value: hook, enumerable: true })
}

// components-react's Input (the jsdom stand-in) lacks the keyboard `onConfirm` that the
// mini-program and H5 inputs have; React's warning about it is noise here.
const consoleError = console.error.bind(console)
console.error = (...args: unknown[]) => {
  if (typeof args[0] === 'string' && args[0].includes('Unknown event handler property `%s`') && args[1] === 'onConfirm') return
  consoleError(...args)
}
