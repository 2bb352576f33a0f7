import { startTestApp, type TestApp } from '../../test/harness'
import { Upload } from './entities'
import { retryPendingMediaChecks } from './service'
import { postFile, reviewSettled, signedPushUrl, smallPng } from './test-helpers'

let t: TestApp
let token: string
beforeAll(async () => {
  t = await startTestApp()
  token = (await t.loginAs('demo-resident-1')).accessToken
})
afterAll(() => t.close())

const fault = (body: object) =>
  fetch(`${t.standin.url}/dev/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })

const push = (url: string, event: object) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(event) })

const verdict = (traceId: string, suggest: string, label: number) => ({
  ToUserName: 'gh_a1b2c3d4e5f6',
  FromUserName: 'demo-resident-1',
  CreateTime: Math.floor(Date.now() / 1000),
  MsgType: 'event',
  Event: 'wxa_media_check',
  appid: t.ctx.config.wechat.appId,
  trace_id: traceId,
  version: 2,
  detail: [{ strategy: 'content_model', errcode: 0, suggest, label, prob: 90 }],
  errcode: 0,
  errmsg: 'ok',
  result: { suggest, label },
})

describe('WeChat media check of uploads', () => {
  it('WeChat fetches the photo through its signed URL and pushes "pass": the photo passes', async () => {
    const res = await postFile(t, token, await smallPng())
    expect(res.body.review).toBe('pending')
    const upload = await reviewSettled(t, res.body.id)
    expect(upload.checkTraceId).toMatch(/^[0-9a-f]+-[0-9a-f]{8}-[0-9a-f]{8}$/)
    expect(upload.review).toBe('pass')
    expect(upload.checkDetail).toContain('pass')
  })

  it('a photo WeChat flags is held', async () => {
    await fault({ mediaVerdicts: ['risky'] })
    const res = await postFile(t, token, await smallPng())
    const upload = await reviewSettled(t, res.body.id)
    expect(upload.review).toBe('held')
    expect(upload.checkDetail).toMatch(/risky label=20002/)
    // "review" (WeChat unsure) holds it too, until a person looks.
    await fault({ mediaVerdicts: ['review'] })
    expect((await reviewSettled(t, (await postFile(t, token, await smallPng())).body.id)).review).toBe('held')
  })

  it('a push with a bad signature is refused with 401 and changes nothing', async () => {
    const res = await postFile(t, token, await smallPng())
    const upload = await reviewSettled(t, res.body.id)
    expect(upload.review).toBe('pass')
    const forged = await push(signedPushUrl(t, 'not-the-push-token'), verdict(upload.checkTraceId!, 'risky', 20002))
    expect(forged.status).toBe(401)
    expect(((await forged.json()) as { error: { code: string } }).error.code).toBe('unauthenticated')
    const unsigned = await push(`${t.url}/api/wechat/push`, verdict(upload.checkTraceId!, 'risky', 20002))
    expect(unsigned.status).toBe(401)
    expect((await t.ds.getRepository(Upload).findOneByOrFail({ id: upload.id })).review).toBe('pass')
  })

  it('a repeated push is harmless; an unknown trace id is not acknowledged, so WeChat retries it', async () => {
    const res = await postFile(t, token, await smallPng())
    const upload = await reviewSettled(t, res.body.id)
    const event = verdict(upload.checkTraceId!, 'risky', 20006)
    for (let i = 0; i < 2; i++) {
      const again = await push(signedPushUrl(t), event)
      expect(again.status).toBe(200)
      expect(await again.text()).toBe('success')
    }
    expect((await t.ds.getRepository(Upload).findOneByOrFail({ id: upload.id })).review).toBe('held')
    const unknown = await push(signedPushUrl(t), verdict('66aa0000-00000000-00000000', 'pass', 100))
    expect(unknown.status).toBe(404)
    // Other events are received and ignored.
    const other = await push(signedPushUrl(t), { MsgType: 'event', Event: 'user_enter_tempsession' })
    expect(await other.text()).toBe('success')
  })

  it('answers the echostr handshake WeChat makes when the push URL is configured, only when signed', async () => {
    const ok = await fetch(signedPushUrl(t, undefined, { echostr: '5837397520931405321' }))
    expect(ok.status).toBe(200)
    expect(await ok.text()).toBe('5837397520931405321')
    const bad = await fetch(signedPushUrl(t, 'wrongtoken', { echostr: '5837397520931405321' }))
    expect(bad.status).toBe(401)
  })

  it('when the check cannot be started the upload still succeeds, pending', async () => {
    const spy = jest.spyOn(t.ctx.wechat, 'mediaCheckAsync').mockRejectedValueOnce(new Error('WeChat /wxa/media_check_async unreachable'))
    try {
      const res = await postFile(t, token, await smallPng())
      expect(res.status).toBe(201)
      expect(res.body.review).toBe('pending')
      const row = await t.ds.getRepository(Upload).findOneByOrFail({ id: res.body.id })
      expect(row).toMatchObject({ review: 'pending', checkTraceId: null })
    } finally {
      spy.mockRestore()
    }
  })

  it('a check that could not start (WeChat unreachable) is started again by the jobs a minute later', async () => {
    const res = await postFile(t, token, await smallPng())
    await reviewSettled(t, res.body.id)
    // As if WeChat had been down at upload time: no trace id, still pending, a while ago.
    await t.ds.manager.update(
      Upload,
      { id: res.body.id },
      { checkTraceId: null, review: 'pending', createdAt: new Date(Date.now() - 5 * 60_000) },
    )
    expect(await retryPendingMediaChecks(t.ctx)).toBeGreaterThanOrEqual(1)
    const upload = await reviewSettled(t, res.body.id)
    expect(upload.checkTraceId).not.toBeNull()
    expect(upload.review).toBe('pass')
  })
})
