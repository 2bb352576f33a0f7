// The per-component files of @tarojs/components-react that the Jest stand-in for
// @tarojs/components imports (miniapp/test/taro-components.ts); the package only types its index.
declare module '@tarojs/components-react/dist/components/*' {
  const Component: import('react').ComponentType<Record<string, unknown>>
  export default Component
}
