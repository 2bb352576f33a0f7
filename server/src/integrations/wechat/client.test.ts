import { AppError } from '../../errors/app-error'
import { mintStandinCode, startWechatStandin, type WechatStandin } from '../../standins/wechat/server'
import { AccessTokenCache } from './access-token'
import { HttpWechatApi, WechatSendError } from './client'

/** The real client against the stand-in, which speaks WeChat's protocol on 127.0.0.1. */
let standin: WechatStandin
let api: HttpWechatApi
const creds = { appId: 'wx_client_test', appSecret: 'client-test-secret' }
beforeAll(async () => {
  standin = await startWechatStandin({ ...creds, templates: ['tpl-accepted'] })
  api = new HttpWechatApi({ baseUrl: standin.url, ...creds })
})
afterAll(() => standin.close())

const fault = (body: object) =>
  fetch(`${standin.url}/dev/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
const sent = async () =>
  (
    (await (await fetch(`${standin.url}/dev/subscribe-messages`)).json()) as {
      items: { touser: string; template_id: string; data: object; lang: string; miniprogram_state: string }[]
    }
  ).items
const message = {
  touser: 'demo-resident-1',
  templateId: 'tpl-accepted',
  page: 'pages/ticket/index?id=1',
  data: { thing3: { value: '您反映的问题已受理' } },
}

async function sendError(input = message): Promise<WechatSendError> {
  try {
    await api.sendSubscribeMessage(input)
  } catch (err) {
    if (err instanceof WechatSendError) return err
    throw err
  }
  throw new Error('the message was sent')
}

describe('access token', () => {
  it('an expired or reset token is renewed once and the call goes through', async () => {
    expect((await api.msgSecCheck({ openid: 'demo-resident-1', content: '你好', scene: 2 })).suggest).toBe('pass')
    await fault({ expireTokens: true })
    expect((await api.msgSecCheck({ openid: 'demo-resident-1', content: '你好', scene: 2 })).suggest).toBe('pass')
    await fault({ revokeTokens: true })
    const [a, b] = await Promise.all([
      api.msgSecCheck({ openid: 'demo-resident-1', content: '你好', scene: 2 }),
      api.mediaCheckAsync({ openid: 'demo-resident-1', mediaUrl: `${standin.url}/nothing.jpg`, scene: 3 }),
    ])
    expect(a.suggest).toBe('pass')
    expect(b.traceId).toBeTruthy()
  })

  it('concurrent callers share one token request, and it is reused until near expiry', async () => {
    let issued = 0
    let now = 0
    const cache = new AccessTokenCache(
      async () => {
        issued++
        await new Promise((resolve) => setTimeout(resolve, 10))
        return { token: `t${issued}`, expiresIn: 7200 }
      },
      () => now,
    )
    expect(await Promise.all([cache.get(), cache.get(), cache.get()])).toEqual(['t1', 't1', 't1'])
    now = 6800_000
    expect(await cache.get()).toBe('t1')
    now = 6901_000
    expect(await cache.get()).toBe('t2')
    expect(await Promise.all([cache.renew('t2'), cache.renew('t2')])).toEqual(['t3', 't3'])
    expect(await cache.renew('t2')).toBe('t3')
    expect(issued).toBe(3)
  })
})

describe('msgSecCheck', () => {
  it("answers WeChat's verdict with its label and trace id", async () => {
    await expect(api.msgSecCheck({ openid: 'demo-resident-1', content: '有人在楼下聚众赌博', scene: 1 })).resolves.toMatchObject({
      suggest: 'risky',
      label: 20006,
      traceId: expect.any(String),
    })
  })
})

describe('sendSubscribeMessage', () => {
  it('delivers, with the state and language WeChat wants', async () => {
    await api.sendSubscribeMessage(message)
    expect((await sent()).at(-1)).toMatchObject({
      touser: 'demo-resident-1',
      template_id: 'tpl-accepted',
      data: message.data,
      lang: 'zh_CN',
      miniprogram_state: 'developer',
    })
  })

  it('a refused subscription (43101) and bad messages are not retried', async () => {
    await fault({ subscribeErrcodes: [43101] })
    expect(await sendError()).toMatchObject({ errcode: 43101, retryable: false })
    expect(await sendError({ ...message, templateId: 'tpl-unknown' })).toMatchObject({ errcode: 40037, retryable: false })
    expect(await sendError({ ...message, data: { thing3: { value: '这一段话超过了二十个字，微信的 thing 字段放不下它' } } })).toMatchObject(
      { errcode: 47003, retryable: false },
    )
    expect(await sendError({ ...message, touser: '!' })).toMatchObject({ errcode: 40003, retryable: false })
  })

  it('a busy WeChat (-1), a quota (45009) and an unreachable one are retried', async () => {
    await fault({ subscribeErrcodes: [-1, 45009] })
    expect(await sendError()).toMatchObject({ errcode: -1, retryable: true })
    expect(await sendError()).toMatchObject({ errcode: 45009, retryable: true })
    const offline = new HttpWechatApi({ baseUrl: 'http://127.0.0.1:9', ...creds, timeoutMs: 500 })
    await expect(offline.sendSubscribeMessage(message)).rejects.toMatchObject({ retryable: true })
    const count = (await sent()).length
    await api.sendSubscribeMessage(message)
    expect(await sent()).toHaveLength(count + 1)
  })
})

describe('WeChat busy (-1) or over its minute quota (45011)', () => {
  const failure = (call: Promise<unknown>) =>
    call.then(
      () => new Error('the call went through'),
      (err: unknown) => err,
    )

  it.each([
    [-1, 'wechat_busy', 5],
    [45011, 'wechat_rate_limited', 60],
  ])('errcode %i: login, the text check and the media check all fail with 503 %s and Retry-After %i s', async (errcode, code, seconds) => {
    await fault({ errcodes: [errcode], checkErrcodes: [errcode, errcode] })
    const loginCode = await mintStandinCode(standin.url, 'demo-resident-1')
    const calls = [
      () => api.code2Session(loginCode),
      () => api.msgSecCheck({ openid: 'demo-resident-1', content: '你好', scene: 2 }),
      () => api.mediaCheckAsync({ openid: 'demo-resident-1', mediaUrl: `${standin.url}/nothing.jpg`, scene: 3 }),
    ]
    for (const call of calls) {
      const err = await failure(call())
      expect(err).toBeInstanceOf(AppError)
      expect(err).toMatchObject({ status: 503, code, retryAfterSeconds: seconds, message: expect.stringMatching(/[\u4e00-\u9fa5]/) })
    }
  })

  it.each([-1, 45011])('errcode %i on a subscribe message: the outbox is told to retry it', async (errcode) => {
    await fault({ subscribeErrcodes: [errcode] })
    expect(await sendError()).toMatchObject({ errcode, retryable: true })
  })
})
