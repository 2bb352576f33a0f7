import Taro from '@tarojs/taro'
import type { TokenPair } from '@anju/shared'
import { ApiRequestError } from './request'
import { loadStoredSession, saveStoredSession } from './session-storage'
import { uploadReportPhoto } from './tickets'
import { serve } from '../test/serve'
import { photo } from '../test/ticket-fixtures'

const pair = (n: number): TokenPair => ({
  accessToken: `access-${n}`,
  refreshToken: `refresh-token-number-${n}-0123456789`,
  expiresIn: 900,
  user: { id: 5, role: 'resident', name: '李阿姨' },
})

type UploadCall = { url: string; filePath: string; name: string; header: Record<string, string> }

function fakeUploads(reply: (call: UploadCall) => { statusCode: number; data: unknown }) {
  const calls: UploadCall[] = []
  jest.spyOn(Taro, 'uploadFile').mockImplementation(((call: UploadCall) => {
    calls.push(call)
    const { statusCode, data } = reply(call)
    return Promise.resolve({ statusCode, data: JSON.stringify(data), errMsg: 'uploadFile:ok' })
  }) as never)
  return calls
}

beforeEach(() => {
  Taro.clearStorageSync()
  jest.spyOn(Taro, 'reLaunch').mockResolvedValue({ errMsg: 'reLaunch:ok' })
  jest.spyOn(Taro, 'getCurrentPages').mockReturnValue([])
})
afterEach(() => jest.restoreAllMocks())

describe('uploadReportPhoto', () => {
  it('sends the file as `file` with the bearer token and returns the photo', async () => {
    saveStoredSession(pair(1))
    const calls = fakeUploads(() => ({ statusCode: 201, data: photo(9) }))
    await expect(uploadReportPhoto('wxfile://tmp/1.jpg', '0f8fad5b-d9cb-469f-a165-70867728950e')).resolves.toEqual(photo(9))
    expect(calls[0]).toMatchObject({
      url: '/api/uploads?purpose=ticket&clientKey=0f8fad5b-d9cb-469f-a165-70867728950e',
      filePath: 'wxfile://tmp/1.jpg',
      name: 'file',
      header: { Authorization: 'Bearer access-1' },
    })
  })

  it('turns the server error (not a photo, too large) into the usual error', async () => {
    saveStoredSession(pair(1))
    fakeUploads(() => ({ statusCode: 415, data: { error: { code: 'unsupported_media_type', message: '只能上传照片' } } }))
    const error = await uploadReportPhoto('wxfile://tmp/1.txt', '1b4e28ba-2fa1-41d2-883f-0016d3cca427').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiRequestError)
    expect(error).toMatchObject({ status: 415, code: 'unsupported_media_type', message: '只能上传照片' })
  })

  it('renews an expired token once and uploads again', async () => {
    saveStoredSession(pair(1))
    serve(() => ({ statusCode: 200, data: pair(2) }))
    const calls = fakeUploads((call) =>
      call.header.Authorization === 'Bearer access-2'
        ? { statusCode: 201, data: photo(10) }
        : { statusCode: 401, data: { error: { code: 'token_expired', message: '登录已过期，请重新登录' } } },
    )
    await expect(uploadReportPhoto('wxfile://tmp/2.jpg', '6ec0bd7f-11c0-43da-975e-2a8ad9ebae0b')).resolves.toEqual(photo(10))
    expect(calls).toHaveLength(2)
    expect(loadStoredSession()?.accessToken).toBe('access-2')
  })

  it('says the network failed in words a resident understands', async () => {
    saveStoredSession(pair(1))
    jest.spyOn(Taro, 'uploadFile').mockImplementation((() => Promise.reject(new Error('uploadFile:fail'))) as never)
    await expect(uploadReportPhoto('wxfile://tmp/3.jpg', '9b2c1f4e-7a3d-4e8b-9c0d-1e2f3a4b5c6d')).rejects.toMatchObject({
      code: 'network_error',
    })
  })
})
