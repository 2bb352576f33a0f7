import { randomUUID } from 'node:crypto'
import { startTestApp, type TestApp } from '../../test/harness'
import { tokensFor } from '../tickets/test-helpers'
import { Notice } from './entities'

let t: TestApp
let tok: Record<string, string>
let buildings: number[]
beforeAll(async () => {
  t = await startTestApp()
  tok = await tokensFor(t, 'demo-resident-1', 'demo-resident-2', 'demo-officer-1')
  buildings = (await t.call('GET', '/api/officer/overview', { token: tok['demo-officer-1'] })).body.buildings.map(
    (b: { id: number }) => b.id,
  )
})
afterAll(() => t.close())

const post = (body: Record<string, unknown>) =>
  t.call('POST', '/api/notices', {
    token: tok['demo-officer-1'],
    body: {
      clientId: randomUUID(),
      kind: 'anti_fraud',
      title: '警惕冒充客服退款诈骗',
      body: '近期有骗子冒充电商客服，以退款为名索要验证码，请勿转账。',
      ...body,
    },
  })

describe('the officer as 宣传员: notices with read counts', () => {
  it('a notice to all the officer’s buildings reaches their residents, not others, and counts each reader once', async () => {
    const posted = await post({ buildingIds: 'all' })
    expect(posted.status).toBe(201)
    expect(posted.body.reach).toMatchObject({ buildings: buildings.length, read: 0 })
    expect(posted.body.reach.residents).toBeGreaterThanOrEqual(1)

    const mine = (await t.call('GET', '/api/notices', { token: tok['demo-resident-1'] })).body.items
    expect(mine[0]).toMatchObject({ id: posted.body.id, kind: 'anti_fraud', read: false, reach: null })
    expect((await t.call('GET', '/api/messages/unread', { token: tok['demo-resident-1'] })).body.notices).toBe(1)
    const other = (await t.call('GET', '/api/notices', { token: tok['demo-resident-2'] })).body.items
    expect(other.map((n: { id: number }) => n.id)).not.toContain(posted.body.id)
    expect((await t.call('POST', `/api/notices/${posted.body.id}/read`, { token: tok['demo-resident-2'] })).status).toBe(404)

    for (let i = 0; i < 2; i++)
      expect((await t.call('POST', `/api/notices/${posted.body.id}/read`, { token: tok['demo-resident-1'] })).status).toBe(204)
    expect((await t.call('GET', '/api/messages/unread', { token: tok['demo-resident-1'] })).body.notices).toBe(0)
    const authored = (await t.call('GET', '/api/notices', { token: tok['demo-officer-1'] })).body.items
    expect(authored[0]).toMatchObject({ id: posted.body.id, reach: { read: 1 } })
  })

  it('a retried post gives the same notice; buildings the officer does not lead and bad input are refused', async () => {
    const clientId = randomUUID()
    const [a, b] = await Promise.all([post({ clientId, buildingIds: [buildings[0]] }), post({ clientId, buildingIds: [buildings[0]] })])
    expect(a.body.id).toBe(b.body.id)
    const before = await t.ds.manager.count(Notice)
    const foreign = await post({ buildingIds: [999999] })
    expect(foreign.status).toBe(400)
    expect(foreign.body.error.message).toBe('只能向您负责的楼栋发布通知')
    expect((await post({ kind: 'gossip', buildingIds: 'all' })).status).toBe(400)
    expect((await post({ title: '', buildingIds: 'all' })).status).toBe(400)
    expect((await post({ buildingIds: [] })).status).toBe(400)
    expect(
      (
        await t.call('POST', '/api/notices', {
          token: tok['demo-resident-1'],
          body: { clientId: randomUUID(), kind: 'safety', title: '通知通知', body: '居民不能发通知哦', buildingIds: 'all' },
        })
      ).status,
    ).toBe(403)
    expect(await t.ds.manager.count(Notice)).toBe(before)
  })
})
