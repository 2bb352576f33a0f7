import Taro from '@tarojs/taro'

export type Call = { url: string; method?: string; data?: unknown; header?: Record<string, string> }
export type Reply = { statusCode: number; data: unknown; header?: Record<string, string> }

/** Replaces Taro.request with a handler standing in for the server; returns the calls made. */
export function serve(handler: (call: Call) => Reply | Promise<Reply>): Call[] {
  const calls: Call[] = []
  jest.spyOn(Taro, 'request').mockImplementation(((options: Call) => {
    calls.push(options)
    return Promise.resolve(handler(options)).then((reply) => ({ header: {}, ...reply, errMsg: 'request:ok' }))
  }) as never)
  return calls
}

export const notFound = (message: string): Reply => ({ statusCode: 404, data: { error: { code: 'not_found', message } } })
