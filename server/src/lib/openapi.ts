import { z } from 'zod'
import { apiErrorSchema } from '@anju/shared'
import { LIMITS } from './rate-limit'
import type { AnyRoute } from './route'

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): object {
  return z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' }) as object
}

/** "/api/places/:id" → "/api/places/{id}" */
const openapiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}')

function parameters(spec: AnyRoute): object[] {
  const out: object[] = []
  for (const [where, schema] of [
    ['path', spec.params],
    ['query', spec.query],
  ] as const) {
    if (!schema) continue
    const js = jsonSchema(schema, 'input') as { properties?: Record<string, object>; required?: string[] }
    for (const [name, s] of Object.entries(js.properties ?? {})) {
      out.push({ name, in: where, required: where === 'path' || (js.required ?? []).includes(name), schema: s })
    }
  }
  return out
}

const dependencies = {
  type: 'object',
  required: ['status', 'database', 'redis'],
  properties: {
    status: { type: 'string', enum: ['ok', 'degraded', 'ready', 'not ready'] },
    database: { type: 'string', enum: ['ok', 'down'] },
    redis: { type: 'string', enum: ['ok', 'down', 'not configured'] },
  },
}

const retryAfter = { description: '建议等待的秒数', schema: { type: 'integer', minimum: 1 } }
const errorContent = { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } }

/** The error shape, and the two answers that tell a client to come back later. */
const components = {
  securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
  schemas: { Error: jsonSchema(apiErrorSchema, 'output') },
  headers: { 'Retry-After': retryAfter },
  responses: {
    RateLimited: {
      description: '请求太频繁（rate_limited）：Retry-After 秒后再试',
      headers: { 'Retry-After': { $ref: '#/components/headers/Retry-After' } },
      content: errorContent,
    },
    Unavailable: {
      description:
        '服务暂时不可用，Retry-After 秒后再试：数据库连接中断（unavailable）；调用微信的操作另有微信繁忙（wechat_busy）或微信接口额度用尽（wechat_rate_limited）',
      headers: { 'Retry-After': { $ref: '#/components/headers/Retry-After' } },
      content: errorContent,
    },
  },
}

/** Any of the route's limits refuses with 429 (the single-use login code refuses with 401 instead). */
const rateLimited = (spec: AnyRoute) => (spec.limits ?? []).some((name) => LIMITS[name].refuse().status === 429)

/** The endpoints app.ts serves itself, outside the declared routes. */
function systemPaths(error: object): Record<string, Record<string, object>> {
  const probe = (summary: string, down: string) => ({
    get: {
      summary,
      tags: ['system'],
      security: [],
      responses: {
        200: { description: 'OK', content: { 'application/json': { schema: dependencies } } },
        503: {
          description: down,
          headers: { 'Retry-After': { $ref: '#/components/headers/Retry-After' } },
          content: { 'application/json': { schema: dependencies } },
        },
        default: error,
      },
    },
  })
  return {
    '/api/health': probe('健康检查：数据库与 Redis 的状态（每项一次探测，各有超时）', '数据库不可用'),
    '/api/ready': probe('就绪检查（负载均衡用）：数据库与 Redis（如已配置）均可用时 200', '数据库或 Redis 不可用，暂勿转发请求'),
    '/api/openapi.json': {
      get: { summary: '本文档', tags: ['system'], security: [], responses: { 200: { description: 'OpenAPI 3 文档' } } },
    },
  }
}

/** The OpenAPI 3 document of the whole API, generated from the declared routes. */
export function buildOpenApi(routes: readonly AnyRoute[]): object {
  const paths: Record<string, Record<string, object>> = {}
  const error = { description: '错误', content: errorContent }
  for (const spec of routes) {
    const status = String(spec.status ?? 200)
    const op: Record<string, unknown> = {
      summary: spec.summary,
      tags: [spec.tag],
      parameters: parameters(spec),
      responses: {
        [status]: spec.response
          ? { description: 'OK', content: { 'application/json': { schema: jsonSchema(spec.response, 'output') } } }
          : { description: 'OK' },
        ...(rateLimited(spec) ? { 429: { $ref: '#/components/responses/RateLimited' } } : {}),
        // Every declared route can need the database (the token's user, at least).
        503: { $ref: '#/components/responses/Unavailable' },
        default: error,
      },
    }
    // Explicit on every operation: [] says "no token needed", not "forgotten".
    op.security = spec.access === 'public' ? [] : [{ bearer: [] }]
    if (spec.access !== 'public' && spec.access !== 'user') op.description = `角色：${spec.access.join(', ')}`
    if (spec.body) op.requestBody = { required: true, content: { 'application/json': { schema: jsonSchema(spec.body, 'input') } } }
    if (spec.rawBody) {
      op.requestBody = {
        required: true,
        description: spec.rawBody.description,
        content: { [spec.rawBody.contentType]: { schema: { type: 'string' } } },
      }
    }
    ;(paths[openapiPath(spec.path)] ??= {})[spec.method] = op
  }
  Object.assign(paths, systemPaths(error))
  return {
    openapi: '3.0.3',
    info: {
      title: '安居 Anju API',
      version: '0.1.0',
      description: '24 小时网上警局：居民、楼长民警、值班台与法律援助志愿者共用的接口。错误统一为 { error: { code, message, details? } }。',
    },
    components,
    paths,
  }
}
