/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.jpg'
declare module '*.svg'
declare module '*.css'
declare module '*.scss'

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test'
    /** The platform being built: Anju builds `weapp` and `h5`. */
    TARO_ENV: 'weapp' | 'h5'
    /** Absolute API base for the mini-program (H5 calls relative /api on its own origin). */
    TARO_APP_API_BASE?: string
    TARO_APP_ID?: string
    /** Subscribe-message template ids for the 受理 / 办结 / 升级 notices (optional). */
    TARO_APP_TEMPLATE_ACCEPTED?: string
    TARO_APP_TEMPLATE_RESOLVED?: string
    TARO_APP_TEMPLATE_ESCALATED?: string
    TARO_APP_TEMPLATE_MESSAGE?: string
  }
}
