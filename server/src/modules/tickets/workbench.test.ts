import { randomUUID } from 'node:crypto'
import { startTestApp, type TestApp } from '../../test/harness'
import { AuditLog } from '../audit/entities'
import { Ticket } from './entities'
import { act, categoryId, report, tokensFor } from './test-helpers'

let t: TestApp
let tok: Record<string, string>
let fire: number
beforeAll(async () => {
  t = await startTestApp()
  tok = await tokensFor(t, 'demo-resident-1', 'demo-resident-2', 'demo-officer-1', 'demo-dispatcher-1', 'demo-dispatcher-2')
  fire = await categoryId(t, tok['demo-resident-1']!, 'hazard', '消防安全')
})
afterAll(() => t.close())

describe('the workbench', () => {
  it('pages through an officer’s tickets with a cursor: every ticket once, newest first, with counts', async () => {
    const ids: number[] = []
    for (let i = 0; i < 23; i++) ids.push((await report(t, tok['demo-resident-1']!, fire)).ticket.id)
    await act(t, tok['demo-officer-1']!, ids[0]!, { action: 'accept' })
    const seen: number[] = []
    let cursor: string | null = null
    let counts: Record<string, number> | null = null
    do {
      const q: string = cursor ? `&cursor=${cursor}` : ''
      const page = (await t.call('GET', `/api/workbench?tab=pending&limit=10${q}`, { token: tok['demo-officer-1'] })).body
      counts ??= page.counts
      seen.push(...page.items.map((i: { id: number }) => i.id))
      cursor = page.nextCursor
    } while (cursor)
    expect(seen).toEqual(ids.slice(1).reverse())
    expect(counts).toMatchObject({ pending: 22, active: 1 })
    expect((await t.call('GET', '/api/workbench?cursor=not-a-cursor', { token: tok['demo-officer-1'] })).status).toBe(400)
  })

  it('the desk’s 全部 tab pages overdue first, then the rest, each ticket once', async () => {
    const { ticket } = await report(t, tok['demo-resident-1']!, fire)
    await t.ds.manager.update(Ticket, { id: ticket.id }, { slaLevel: 2 })
    const whole = (await t.call('GET', '/api/workbench?view=scope&tab=all&limit=50', { token: tok['demo-dispatcher-1'] })).body.items
    expect(whole[0].id).toBe(ticket.id)
    const paged: number[] = []
    let cursor: string | null = null
    do {
      const q: string = cursor ? `&cursor=${cursor}` : ''
      const page = (await t.call('GET', `/api/workbench?view=scope&tab=all&limit=4${q}`, { token: tok['demo-dispatcher-1'] })).body
      paged.push(...page.items.map((i: { id: number }) => i.id))
      cursor = page.nextCursor
    } while (cursor)
    expect(paged).toEqual(whole.map((i: { id: number }) => i.id))
  })

  it('filters by category and by date; a resident has no workbench', async () => {
    const gas = await categoryId(t, tok['demo-resident-1']!, 'hazard', '燃气用电')
    const { ticket } = await report(t, tok['demo-resident-1']!, gas)
    const byCategory = (await t.call('GET', `/api/workbench?tab=pending&categoryId=${gas}`, { token: tok['demo-officer-1'] })).body
    expect(byCategory.items.map((i: { id: number }) => i.id)).toEqual([ticket.id])
    const longAgo = (await t.call('GET', '/api/workbench?tab=pending&from=2020-01-01&to=2020-01-31', { token: tok['demo-officer-1'] })).body
    expect(longAgo.items).toEqual([])
    expect((await t.call('GET', '/api/workbench', { token: tok['demo-resident-1'] })).status).toBe(403)
  })

  it('燃气用电 always alerts the duty desk too, whoever handles it', async () => {
    const gas = await categoryId(t, tok['demo-resident-1']!, 'hazard', '燃气用电')
    const { ticket } = await report(t, tok['demo-resident-1']!, gas, { description: '楼道电表箱的电线老化，外皮破了' })
    const alerts = (await t.call('GET', '/api/desk/alerts', { token: tok['demo-dispatcher-1'] })).body
    const alert = alerts.items.find((a: { ticket: { id: number } }) => a.ticket.id === ticket.id)
    expect(alert.kind).toBe('category')
    expect((await t.call('POST', `/api/desk/alerts/${alert.id}/ack`, { token: tok['demo-dispatcher-1'] })).status).toBe(204)
    expect(await t.ds.manager.countBy(AuditLog, { action: 'desk_alert.ack', targetId: String(ticket.id) })).toBe(1)
    const after = (await t.call('GET', '/api/desk/alerts', { token: tok['demo-dispatcher-1'] })).body
    expect(after.items.find((a: { id: number }) => a.id === alert.id)).toBeUndefined()
  })
})

describe('statistics', () => {
  it('counts volume, on-time rate and 满意率 for the scope, by category and by place, and exports CSV', async () => {
    const officer = tok['demo-officer-1']!
    const { ticket } = await report(t, tok['demo-resident-1']!, fire)
    await act(t, officer, ticket.id, { action: 'accept' })
    await act(t, officer, ticket.id, { action: 'resolve', result: '已处理' })
    await act(t, tok['demo-resident-1']!, ticket.id, { action: 'rate', rating: 'basically_satisfied' })
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
    const stats = (await t.call('GET', `/api/stats?from=${today}&to=${today}`, { token: tok['demo-dispatcher-2'] })).body
    expect(stats.scope.level).toBe('district')
    expect(stats.total.count).toBeGreaterThanOrEqual(26)
    expect(stats.total.rated).toBe(1)
    expect(stats.total.satisfactionRate).toBe(1)
    expect(stats.total.onTimeRate).toBe(1)
    expect(stats.byCategory[0].label).toBe('隐患·消防安全')
    expect(stats.byPlace.map((r: { label: string }) => r.label)).toContain('幸福路街道')
    expect(stats.byDay).toEqual([{ day: today, count: stats.total.count }])

    const csv = await fetch(`${t.url}/api/stats.csv?from=${today}&to=${today}`, {
      headers: { authorization: `Bearer ${tok['demo-dispatcher-2']}` },
    })
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/)
    const bytes = Buffer.from(await csv.arrayBuffer())
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]) // the BOM Excel needs for Chinese
    const text = bytes.subarray(3).toString('utf8')
    expect(text.startsWith('分组,名称,受理量')).toBe(true)
    expect(text).toContain('按类别,隐患·消防安全,')
    const street = await t.call('GET', `/api/stats?from=${today}&to=${today}&placeId=${stats.scope.id}`, {
      token: tok['demo-dispatcher-1'],
    })
    expect(street.status).toBe(404)
  })
})

describe('categories, routing rules and SLAs are data the district desk edits', () => {
  it('the district desk changes an SLA; a street desk may not; a bad SLA is refused', async () => {
    const list = (await t.call('GET', '/api/ticket-categories?all=1', { token: tok['demo-dispatcher-2'] })).body.items
    const other = list.find((c: { kind: string; name: string }) => c.kind === 'dispute' && c.name === '其他')
    const { id, ...input } = { ...other, acceptMinutes: 180 }
    const ok = await t.call('PUT', `/api/ticket-categories/${id}`, { token: tok['demo-dispatcher-2'], body: input })
    expect(ok.body.acceptMinutes).toBe(180)
    expect((await t.call('PUT', `/api/ticket-categories/${id}`, { token: tok['demo-dispatcher-1'], body: input })).status).toBe(403)
    const bad = await t.call('PUT', `/api/ticket-categories/${id}`, {
      token: tok['demo-dispatcher-2'],
      body: { ...input, resolveMinutes: 60 },
    })
    expect(bad.status).toBe(400)
    expect(bad.body.error.message).toBe('办结时限不能短于受理时限')
    const created = await t.call('POST', '/api/ticket-categories', {
      token: tok['demo-dispatcher-2'],
      body: { ...input, clientKey: randomUUID(), name: '电动车充电', kind: 'hazard', alertDesk: true },
    })
    expect(created.status).toBe(201)
    const forResidents = (await t.call('GET', '/api/ticket-categories?kind=hazard', { token: tok['demo-resident-1'] })).body.items
    expect(forResidents.map((c: { name: string }) => c.name)).toContain('电动车充电')
  })
})
