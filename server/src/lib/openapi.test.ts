import { startTestApp, type TestApp } from '../test/harness'

/**
 * /api/openapi.json describes exactly what the server does: who may call each operation, and
 * only the operations this server (development or production) actually mounts.
 */
const PRODUCTION_ENV = {
  NODE_ENV: 'production',
  JWT_SECRET: 'x'.repeat(48),
  DATA_KEY: 'ab'.repeat(32),
  DATABASE_URL: 'mysql://unused@127.0.0.1:1/unused',
  WECHAT_APP_ID: 'wx_test',
  WECHAT_APP_SECRET: 'secret',
  WECHAT_API_BASE: 'http://127.0.0.1:1',
  WECHAT_TEMPLATE_ACCEPTED: 'tpl-a',
  WECHAT_TEMPLATE_RESOLVED: 'tpl-r',
  WECHAT_TEMPLATE_ESCALATED: 'tpl-e',
  WECHAT_TEMPLATE_MESSAGE: 'tpl-m',
  WECHAT_PUSH_TOKEN: 'pushToken1',
  PUBLIC_BASE_URL: 'https://anju.example.cn',
}

type Op = { security?: unknown; responses: Record<string, unknown> }
const operations = (doc: { paths: Record<string, Record<string, Op>> }) =>
  Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method, op })))

let dev: TestApp
let prod: TestApp
beforeAll(async () => {
  dev = await startTestApp({ seed: false })
  prod = await startTestApp({ seed: false, env: PRODUCTION_ENV })
})
afterAll(async () => {
  await dev.close()
  await prod.close()
})

describe('OpenAPI security', () => {
  it('every operation says who may call it: [] for public ones, the bearer scheme for the rest', async () => {
    const doc = (await dev.call('GET', '/api/openapi.json')).body
    for (const { path, method, op } of operations(doc)) {
      expect({ path, method, hasSecurity: Array.isArray(op.security) }).toEqual({ path, method, hasSecurity: true })
    }
    expect(doc.paths['/api/auth/wechat-login'].post.security).toEqual([])
    expect(doc.paths['/api/auth/refresh'].post.security).toEqual([])
    expect(doc.paths['/api/uploads/{id}/content'].get.security).toEqual([])
    expect(doc.paths['/api/me'].get.security).toEqual([{ bearer: [] }])
    expect(doc.paths['/api/uploads'].post.security).toEqual([{ bearer: [] }])
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' })
  })

  it('the documented access matches what the server does: a public operation needs no token, a bearer one answers 401 without', async () => {
    const doc = (await dev.call('GET', '/api/openapi.json')).body
    expect((await dev.call('GET', '/api/auth/options')).status).toBe(200)
    expect(doc.paths['/api/auth/options'].get.security).toEqual([])
    expect((await dev.call('GET', '/api/me')).status).toBe(401)
  })
})

describe('OpenAPI documents what is mounted', () => {
  it('health, readiness and the document itself are described, with their 503', async () => {
    const doc = (await dev.call('GET', '/api/openapi.json')).body
    for (const path of ['/api/health', '/api/ready']) {
      const op = doc.paths[path].get
      expect(op.security).toEqual([])
      expect(op.responses).toHaveProperty(['200'])
      expect(op.responses).toHaveProperty(['503'])
      expect(op.responses['200'].content['application/json'].schema.properties).toHaveProperty('database')
    }
    expect(doc.paths['/api/openapi.json'].get.security).toEqual([])
  })

  it('in development with the WeChat stand-in, the demo login is mounted and documented', async () => {
    const doc = (await dev.call('GET', '/api/openapi.json')).body
    expect(doc.paths).toHaveProperty(['/api/auth/demo-code'])
    expect((await dev.call('POST', '/api/auth/demo-code', { body: { key: 'new-resident' } })).status).toBe(200)
  })

  it('in production, the demo login is neither documented nor mounted', async () => {
    const doc = (await prod.call('GET', '/api/openapi.json')).body
    expect(doc.paths).not.toHaveProperty(['/api/auth/demo-code'])
    expect(doc.paths).toHaveProperty(['/api/auth/wechat-login'])
    const res = await prod.call('POST', '/api/auth/demo-code', { body: { key: 'resident-1' } })
    expect(res).toEqual({ status: 404, body: { error: { code: 'not_found', message: '接口不存在' } } })
  })
})
