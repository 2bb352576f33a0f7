import { startTestApp, type TestApp } from '../../test/harness'
import { Place } from '../places/entities'
import { Ticket } from './entities'
import { categoryId, report, tokensFor } from './test-helpers'

let t: TestApp
let tok: Record<string, string>
beforeAll(async () => {
  t = await startTestApp()
  tok = await tokensFor(t, 'demo-resident-1', 'demo-admin')
})
afterAll(() => t.close())

/** Splits one CSV line written by statsCsv (quoted cells may hold commas). */
const cells = (line: string) => [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)].map((m) => m[1]!).slice(0, -1)

describe('the stats CSV', () => {
  it('writes place names that look like formulas as text, so a spreadsheet never runs them (OWASP CSV injection)', async () => {
    const fire = await categoryId(t, tok['demo-resident-1']!, 'hazard', '消防安全')
    const { ticket } = await report(t, tok['demo-resident-1']!, fire)
    const { placeId } = await t.ds.getRepository(Ticket).findOneByOrFail({ id: ticket.id })
    const row = await t.ds.getRepository(Place).findOneByOrFail({ id: placeId })
    // A duty desk may name places anything the import accepts; these two are formulas in Excel.
    await t.ds.getRepository(Place).update({ id: row.streetId! }, { name: '@SUM(1)' })
    await t.ds.getRepository(Place).update({ id: row.communityId! }, { name: '=1+2' })

    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
    const res = await fetch(`${t.url}/api/stats.csv?from=${today}&to=${today}&placeId=${row.streetId}`, {
      headers: { authorization: `Bearer ${tok['demo-admin']}` },
    })
    expect(res.status).toBe(200)
    const lines = (await res.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .map(cells)
    const total = lines.find((l) => l[0] === '合计')!
    const community = lines.find((l) => l[0] === '按地区')!
    expect(total[1]).toBe("'@SUM(1)（街道）")
    expect(community[1]).toBe("'=1+2")
    // Figures stay numbers: only text cells get the quote.
    expect(community[2]).toBe('1')
    for (const line of lines) for (const cell of line) expect(cell).not.toMatch(/^"?[=+\-@\t\r]/)
  })
})
