import { randomUUID } from 'node:crypto'
import { startTestApp, type TestApp } from '../../test/harness'
import { TicketCategoryRow } from './entities'

/** 新增分类 retried after a lost answer gives back the category it made, not 409 已有同名分类. */
let t: TestApp
let desk: string
beforeAll(async () => {
  t = await startTestApp()
  desk = (await t.loginAs('demo-dispatcher-2')).accessToken
})
afterAll(() => t.close())

const input = (name: string) => ({
  kind: 'hazard',
  name,
  sortOrder: 50,
  active: true,
  routeTo: 'building_lead',
  alertDesk: false,
  acceptMinutes: 60,
  resolveMinutes: 1440,
  urgentAcceptMinutes: 15,
  urgentResolveMinutes: 240,
  warnAtPercent: 80,
})
const create = (body: Record<string, unknown>) => t.call('POST', '/api/ticket-categories', { token: desk, body })

describe('category creation is idempotent on the clientKey', () => {
  it('a retried create answers 201 with the same category, and there is one', async () => {
    const body = { ...input('电梯困人'), clientKey: randomUUID() }
    const first = await create(body)
    const retry = await create(body)
    expect([first.status, retry.status]).toEqual([201, 201])
    expect(retry.body).toEqual(first.body)
    expect(await t.ds.manager.countBy(TicketCategoryRow, { name: '电梯困人' })).toBe(1)
  })

  it('two copies at once make one category, both answered 201', async () => {
    const body = { ...input('井盖缺失'), clientKey: randomUUID() }
    const answers = await Promise.all([create(body), create(body), create(body)])
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201])
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1)
    expect(await t.ds.manager.countBy(TicketCategoryRow, { name: '井盖缺失' })).toBe(1)
  })

  it('the same name with a new key is still 409 已有同名分类, even two at once', async () => {
    const answers = await Promise.all([
      create({ ...input('违章搭建'), clientKey: randomUUID() }),
      create({ ...input('违章搭建'), clientKey: randomUUID() }),
    ])
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409])
    expect(answers.find((a) => a.status === 409)!.body.error).toMatchObject({ code: 'conflict', message: '已有同名分类' })
  })

  it('without a key the create is refused and nothing is made', async () => {
    const res = await create(input('无编号分类'))
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe('validation_failed')
    expect(await t.ds.manager.countBy(TicketCategoryRow, { name: '无编号分类' })).toBe(0)
  })
})
