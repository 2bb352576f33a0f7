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

describe('OpenAPI documents the errors the server answers', () => {
  const RATE_LIMITED = [
    ['/api/uploads', 'post'],
    ['/api/conversations/{id}/messages', 'post'],
    ['/api/auth/wechat-login', 'post'],
    ['/api/auth/refresh', 'post'],
    ['/api/auth/redeem-invite', 'post'],
  ] as const
  type Resp = { $ref?: string; description: string; headers?: Record<string, unknown>; content?: Record<string, { schema?: unknown }> }
  type Schema = { type?: string; required?: string[]; properties: Record<string, Schema> }
  type Doc = {
    paths: Record<string, Record<string, Op>>
    components: { schemas?: Record<string, Schema>; responses?: Record<string, Resp> }
  }
  /** A response object, following one $ref into components. */
  const resolve = (doc: Doc, response: unknown): Resp | undefined => {
    const r = response as Resp | undefined
    return r?.$ref ? doc.components.responses?.[r.$ref.replace('#/components/responses/', '')] : r
  }
  const errorRef = { $ref: '#/components/schemas/Error' }

  it('one shared error schema, { error: { code, message, details? } }, which every error response references', async () => {
    const doc = (await dev.call('GET', '/api/openapi.json')).body as Doc
    expect(doc.components.schemas?.Error).toMatchObject({ type: 'object', required: ['error'] })
    expect(doc.components.schemas?.Error?.properties.error?.required).toEqual(expect.arrayContaining(['code', 'message']))
    for (const { path, method, op } of operations(doc)) {
      for (const [status, response] of Object.entries(op.responses)) {
        if (!(status === 'default' || /^[45]/.test(status)) || path === '/api/health' || path === '/api/ready') continue
        expect({ path, method, status, schema: resolve(doc, response)?.content?.['application/json']?.schema }).toEqual({
          path,
          method,
          status,
          schema: errorRef,
        })
      }
    }
  })

  it('the operations that take a rate limit list 429 rate_limited with Retry-After; the others do not', async () => {
    const doc = (await dev.call('GET', '/api/openapi.json')).body as Doc
    for (const [path, method] of RATE_LIMITED) {
      const response = resolve(doc, doc.paths[path]?.[method]?.responses['429'])
      expect({ path, response: !!response }).toEqual({ path, response: true })
      expect(response?.headers).toHaveProperty(['Retry-After'])
      expect(response?.description).toContain('rate_limited')
    }
    const limited = operations(doc)
      .filter(({ op }) => op.responses['429'])
      .map(({ path, method }) => [path, method])
    expect(limited.sort()).toEqual([...RATE_LIMITED].map((r) => [...r]).sort())
  })

  it('every operation that reaches the database lists 503 unavailable with Retry-After', async () => {
    const doc = (await dev.call('GET', '/api/openapi.json')).body as Doc
    for (const { path, method, op } of operations(doc)) {
      // The document itself is served from memory, before anything that could need the database.
      if (path === '/api/openapi.json') continue
      const response = resolve(doc, op.responses['503'])
      expect({ path, method, retryAfter: !!response?.headers?.['Retry-After'] }).toEqual({ path, method, retryAfter: true })
    }
    const login = resolve(doc, doc.paths['/api/auth/wechat-login']!.post!.responses['503'])
    expect(login?.description).toContain('unavailable')
  })
})
