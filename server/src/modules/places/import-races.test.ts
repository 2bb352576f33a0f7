import { Like } from 'typeorm'
import { startTestApp, type TestApp } from '../../test/harness'
import { User } from '../users/entities'
import { Place } from './entities'

/**
 * Two imports at once whose files overlap (two desks loading the same new area, or one file
 * posted twice): both succeed and the tree holds each district, street, community, grid,
 * building and unit once.
 */
let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
  // A city-wide admin (no scope place) may create districts; the demo admin is scoped to 青山区.
  await t.ds.getRepository(User).update({ openid: 'demo-admin' }, { scopePlaceId: null })
})
afterAll(() => t.close())

const HEADER = 'district,street,community,grid,building_code,building,address,units,officer_police_number'

/** Buildings `from`…`to` of a new district: 20 to a grid, 10 grids to a community, 2 communities to a street; 2 units each. */
function areaCsv(district: string, prefix: string, from: number, to: number): string {
  const rows: string[] = []
  for (let i = from; i <= to; i++) {
    const grid = Math.floor((i - 1) / 20)
    const community = Math.floor(grid / 10)
    rows.push(
      `${district},${district}第${Math.floor(community / 2) + 1}街道,${district}第${community + 1}社区,第${grid + 1}网格,${prefix}${String(i).padStart(5, '0')},${((i - 1) % 20) + 1}号楼,,2,`,
    )
  }
  return [HEADER, ...rows].join('\n') + '\n'
}

const importCsv = (token: string, raw: string) => t.call('POST', '/api/places/import', { token, raw, contentType: 'text/csv' })

describe('two places imports at once with overlapping files', () => {
  it.each([
    ['新城区', 'XC-'],
    ['开发区', 'KF-'],
  ])('both succeed and %s is in the tree once, with each of its places once', async (district, prefix) => {
    const [admin1, admin2] = [(await t.loginAs('demo-admin')).accessToken, (await t.loginAs('demo-admin')).accessToken]
    const [a, b] = await Promise.all([
      importCsv(admin1, areaCsv(district, prefix, 1, 400)),
      importCsv(admin2, areaCsv(district, prefix, 201, 600)),
    ])
    expect([a.status, b.status]).toEqual([200, 200])
    expect([a.body.errors[0], b.body.errors[0]]).toEqual([undefined, undefined])
    expect([a.body.errorCount, b.body.errorCount]).toEqual([0, 0])
    expect(a.body.created + b.body.created).toBe(600)

    const places = t.ds.getRepository(Place)
    const districts = await places.findBy({ name: district })
    expect(districts).toHaveLength(1)
    const under = await places.findBy({ districtId: districts[0]!.id })
    const count = (level: string) => under.filter((p) => p.level === level).length
    expect([count('street'), count('community'), count('grid'), count('building'), count('unit')]).toEqual([2, 3, 30, 600, 1200])
    expect(await places.countBy({ code: Like(`${prefix}%`) })).toBe(600)
  })
})
