import Taro from '@tarojs/taro'
import { askToSubscribe, askToSubscribeMessages } from './subscribe'

const saved = { ...process.env }

beforeEach(() => {
  process.env.TARO_ENV = 'weapp'
  process.env.TARO_APP_TEMPLATE_ACCEPTED = 'tmpl-accepted'
  process.env.TARO_APP_TEMPLATE_RESOLVED = 'tmpl-resolved'
  process.env.TARO_APP_TEMPLATE_ESCALATED = 'tmpl-escalated'
})
afterEach(() => {
  process.env = { ...saved }
  jest.restoreAllMocks()
})

describe('askToSubscribe', () => {
  it('asks for the three notices and returns the ones the resident accepted', async () => {
    const ask = jest.spyOn(Taro, 'requestSubscribeMessage').mockResolvedValue({
      errMsg: 'requestSubscribeMessage:ok',
      'tmpl-accepted': 'accept',
      'tmpl-resolved': 'reject',
      'tmpl-escalated': 'accept',
    } as never)
    await expect(askToSubscribe()).resolves.toEqual(['accepted', 'escalated'])
    expect(ask).toHaveBeenCalledWith({ tmplIds: ['tmpl-accepted', 'tmpl-resolved', 'tmpl-escalated'] })
  })

  it('gives [] when WeChat refuses, so the report still goes', async () => {
    jest
      .spyOn(Taro, 'requestSubscribeMessage')
      .mockRejectedValue({ errMsg: 'requestSubscribeMessage:fail can only be invoked by user TAP gesture.' })
    await expect(askToSubscribe()).resolves.toEqual([])
  })

  it('does not ask in H5 or when no template is configured', async () => {
    const ask = jest.spyOn(Taro, 'requestSubscribeMessage')
    process.env.TARO_ENV = 'h5'
    await expect(askToSubscribe()).resolves.toEqual([])
    process.env.TARO_ENV = 'weapp'
    process.env.TARO_APP_TEMPLATE_ACCEPTED = ''
    process.env.TARO_APP_TEMPLATE_RESOLVED = ''
    process.env.TARO_APP_TEMPLATE_ESCALATED = ''
    await expect(askToSubscribe()).resolves.toEqual([])
    expect(ask).not.toHaveBeenCalled()
  })
})

describe('askToSubscribeMessages', () => {
  it('asks for 新消息提醒 and says whether the resident accepted', async () => {
    process.env.TARO_APP_TEMPLATE_MESSAGE = 'tmpl-message'
    const ask = jest
      .spyOn(Taro, 'requestSubscribeMessage')
      .mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok', 'tmpl-message': 'accept' } as never)
    await expect(askToSubscribeMessages()).resolves.toBe(true)
    expect(ask).toHaveBeenCalledWith({ tmplIds: ['tmpl-message'] })
    ask.mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok', 'tmpl-message': 'reject' } as never)
    await expect(askToSubscribeMessages()).resolves.toBe(false)
  })

  it('does not ask without a template, and a message goes either way', async () => {
    const ask = jest.spyOn(Taro, 'requestSubscribeMessage')
    process.env.TARO_APP_TEMPLATE_MESSAGE = ''
    await expect(askToSubscribeMessages()).resolves.toBe(false)
    expect(ask).not.toHaveBeenCalled()
  })
})
