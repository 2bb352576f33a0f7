import { startTestApp, type TestApp } from '../../test/harness'
import { BuildingLead } from '../officers/entities'
import { Place } from './entities'

let t: TestApp
beforeAll(async () => { t = await startTestApp() })
afterAll(() => t.close())

const HEADER = 'district,street,community,grid,building_code,building,address,units,officer_police_number'
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n')

describe('importing places from CSV', () => {
  it('reports bad rows by line, imports the good ones, and a second run changes nothing', async () => {
    const admin = await t.loginAs('demo-admin')
    const file = csv(
      '青山区,幸福路街道,新建社区,新建社区第一网格,NEW-001,新建小区1号楼,包头市青山区幸福路1号,3,150300',
      '青山区,幸福路街道,新建社区,新建社区第一网格,NEW-002,新建小区2号楼,,2,',
      '青山区,幸福路街道,新建社区,新建社区第一网格,bad code!,坏编码楼,,2,',
      '青山区,幸福路街道,新建社区,新建社区第一网格,NEW-003,,,2,',
      '青山区,幸福路街道,新建社区,新建社区第一网格,NEW-001,重复编码楼,,2,',
      '青山区,幸福路街道,新建社区,新建社区第一网格,NEW-004,新建小区4号楼,,two,',
      '青山区,幸福路街道,新建社区,新建社区第一网格,NEW-005,新建小区5号楼,,2,000000',
    )
    const first = await t.call('POST', '/api/places/import', { token: admin.accessToken, raw: file, contentType: 'text/csv' })
    expect(first.status).toBe(200)
    expect(first.body).toMatchObject({ rows: 7, created: 2, updated: 0, unchanged: 0 })
    expect(first.body.errors.map((e: { row: number }) => e.row)).toEqual([4, 5, 6, 7, 8])
    expect(first.body.errors[0].message).toContain('楼栋编码')
    expect(first.body.errors[2].message).toContain('重复')
    expect(first.body.errors[4].message).toContain('警号 000000 不存在')

    const building = await t.ds.getRepository(Place).findOneByOrFail({ code: 'NEW-001' })
    expect(await t.ds.getRepository(Place).countBy({ parentId: building.id, level: 'unit' })).toBe(3)
    expect(await t.ds.getRepository(BuildingLead).existsBy({ buildingId: building.id })).toBe(true)

    const placesBefore = await t.ds.getRepository(Place).count()
    const second = await t.call('POST', '/api/places/import', { token: admin.accessToken, raw: file, contentType: 'text/csv' })
    expect(second.body).toMatchObject({ created: 0, updated: 0, unchanged: 2 })
    expect(await t.ds.getRepository(Place).count()).toBe(placesBefore)
  })

  it('a changed name or more units is an update, not a new building', async () => {
    const admin = await t.loginAs('demo-admin')
    const res = await t.call('POST', '/api/places/import', {
      token: admin.accessToken, contentType: 'text/csv',
      raw: csv('青山区,幸福路街道,新建社区,新建社区第一网格,NEW-002,新建小区2号楼（东）,,4,'),
    })
    expect(res.body).toMatchObject({ created: 0, updated: 1 })
    const building = await t.ds.getRepository(Place).findOneByOrFail({ code: 'NEW-002' })
    expect(building.name).toBe('新建小区2号楼（东）')
    expect(await t.ds.getRepository(Place).countBy({ parentId: building.id })).toBe(4)
  })

  it("a street's duty desk may import only into its street; a missing column is a clear 400", async () => {
    const desk = await t.loginAs('demo-dispatcher-1') // 幸福路街道
    const res = await t.call('POST', '/api/places/import', {
      token: desk.accessToken, contentType: 'text/csv',
      raw: csv('青山区,先锋道街道,光荣社区,光荣社区第一网格,X-1,越界楼,,1,'),
    })
    expect(res.body.created).toBe(0)
    expect(res.body.errors[0].message).toContain('不在您的管辖范围')
    const noColumn = await t.call('POST', '/api/places/import', { token: desk.accessToken, contentType: 'text/csv', raw: 'district,street\n青山区,幸福路街道' })
    expect(noColumn.status).toBe(400)
    expect(noColumn.body.error.message).toContain('CSV 缺少列')
    const resident = await t.loginAs('demo-resident-1')
    expect((await t.call('POST', '/api/places/import', { token: resident.accessToken, contentType: 'text/csv', raw: HEADER })).status).toBe(403)
  })
})
