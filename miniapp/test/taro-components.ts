/**
 * `@tarojs/components` in tests: the plain React components of @tarojs/components-react
 * (what H5 uses with `useHtmlComponents`), which render to ordinary DOM in jsdom. Its own
 * index also re-exports the Stencil web components and has an import cycle that CommonJS
 * cannot settle, so tests import the components the app uses one by one. View comes first:
 * the others import it back from here.
 */
import { createElement } from 'react'

export { default as View } from '@tarojs/components-react/dist/components/view/index.js'
export { default as Text } from '@tarojs/components-react/dist/components/text/index.js'
export { default as Button } from '@tarojs/components-react/dist/components/button/index.js'
export { default as Image } from '@tarojs/components-react/dist/components/image/index.js'
export { default as Input } from '@tarojs/components-react/dist/components/input/index.js'
export { default as Picker } from '@tarojs/components-react/dist/components/picker/index.js'
export { default as ScrollView } from '@tarojs/components-react/dist/components/scroll-view/index.js'

/** components-react has no Textarea: a plain textarea that reports `detail.value` as Taro's does. */
export function Textarea(props: {
  className?: string
  value?: string
  placeholder?: string
  maxlength?: number
  onInput?: (e: { detail: { value: string } }) => void
}) {
  return createElement('textarea', {
    className: props.className,
    value: props.value ?? '',
    placeholder: props.placeholder,
    maxLength: props.maxlength,
    onChange: (e: { target: { value: string } }) => props.onInput?.({ detail: { value: e.target.value } }),
  })
}
