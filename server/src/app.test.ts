import { startTestApp, type TestApp } from './test/harness'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

describe('API conventions: every failure in one JSON shape, no internals', () => {
  it('malformed JSON is 400 invalid_json', async () => {
    const res = await t.call('POST', '/api/auth/wechat-login', { raw: '{"code": ' })
    expect(res.status).toBe(400)
    expect(res.body).toEqual({ error: { code: 'invalid_json', message: '请求内容不是有效的 JSON' } })
  })

  it('an oversize body is 413', async () => {
    const res = await t.call('POST', '/api/auth/wechat-login', { raw: JSON.stringify({ code: 'x'.repeat(400_000) }) })
    expect(res.status).toBe(413)
    expect(res.body.error.code).toBe('payload_too_large')
  })

  it('an unknown API route is 404 in the error shape', async () => {
    const res = await t.call('GET', '/api/no-such-thing')
    expect(res.status).toBe(404)
    expect(res.body.error).toEqual({ code: 'not_found', message: '接口不存在' })
  })

  it('validation errors name the field, in Chinese', async () => {
    const { accessToken } = await t.loginAs('demo-resident-4')
    const res = await t.call('PUT', '/api/me/residence', { token: accessToken, body: { buildingId: 'abc' } })
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe('validation_failed')
    expect(res.body.error.details[0].path).toBe('buildingId')
    expect(JSON.stringify(res.body)).not.toMatch(/stack|at .*\.ts|QueryFailedError|SQLITE|ER_/)
  })

  it('the health check answers', async () => {
    expect((await t.call('GET', '/api/health')).body).toEqual({ status: 'ok', database: 'ok', redis: 'not configured' })
  })
})

describe('OpenAPI', () => {
  it('documents every route with its schemas', async () => {
    const doc = (await t.call('GET', '/api/openapi.json')).body
    expect(doc.openapi).toMatch(/^3\./)
    for (const path of [
      '/api/auth/wechat-login',
      '/api/me/building-lead',
      '/api/places/buildings/by-code/{code}',
      '/api/invites',
      '/api/places/import',
    ]) {
      expect(doc.paths).toHaveProperty([path])
    }
    const login = doc.paths['/api/auth/wechat-login'].post
    expect(login.requestBody.content['application/json'].schema.required).toContain('code')
    expect(login.responses['200'].content['application/json'].schema.properties).toHaveProperty('accessToken')
    expect(doc.paths['/api/me'].get.security).toEqual([{ bearer: [] }])
  })
})
