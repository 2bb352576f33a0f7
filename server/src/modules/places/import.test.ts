import { request as httpRequest } from 'node:http'
import { Like } from 'typeorm'
import { startTestApp, type TestApp } from '../../test/harness'
import { BuildingLead } from '../officers/entities'
import { Place } from './entities'
import { PLACE_CSV_MAX_BYTES } from './import-csv'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

const HEADER = 'district,street,community,grid,building_code,building,address,units,officer_police_number'
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n')

/** `count` buildings coded `<prefix>000001`…, 20 to a grid, in streets of their own in 青山区 (the admin's scope). */
function buildingsCsv(prefix: string, count: number): string {
  const rows = Array.from({ length: count }, (_, i) => {
    const grid = Math.floor(i / 20)
    return `青山区,${prefix}第${Math.floor(grid / 80) + 1}街道,第${Math.floor(grid / 10) + 1}社区,第${grid + 1}网格,${prefix}${String(i + 1).padStart(6, '0')},${(i % 20) + 1}号楼,示范路${i + 1}号,${2 + (i % 3)},`
  })
  return csv(...rows) + '\n'
}

/** POSTs a body as it is (string, bytes or a stream sent chunked) to the import. */
async function postCsv(token: string, body: string | Uint8Array | ReadableStream<Uint8Array>, headers: Record<string, string> = {}) {
  const res = await fetch(`${t.url}/api/places/import`, {
    method: 'POST',
    body,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv', ...headers },
    ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit)
  const text = await res.text()
  return { status: res.status, body: text ? JSON.parse(text) : null }
}

const countCoded = (prefix: string) => t.ds.getRepository(Place).countBy({ code: Like(`${prefix}%`) })

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
    expect(first.body).toMatchObject({ rows: 7, created: 2, updated: 0, unchanged: 0, errorCount: 5 })
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
      token: admin.accessToken,
      contentType: 'text/csv',
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
      token: desk.accessToken,
      contentType: 'text/csv',
      raw: csv('青山区,先锋道街道,光荣社区,光荣社区第一网格,X-1,越界楼,,1,'),
    })
    expect(res.body.created).toBe(0)
    expect(res.body.errors[0].message).toContain('不在您的管辖范围')
    const noColumn = await t.call('POST', '/api/places/import', {
      token: desk.accessToken,
      contentType: 'text/csv',
      raw: 'district,street\n青山区,幸福路街道',
    })
    expect(noColumn.status).toBe(400)
    expect(noColumn.body.error.message).toContain('CSV 缺少列')
    const resident = await t.loginAs('demo-resident-1')
    expect((await t.call('POST', '/api/places/import', { token: resident.accessToken, contentType: 'text/csv', raw: HEADER })).status).toBe(
      403,
    )
  })
})

describe('a large or broken import file', () => {
  it('a file with 1,000 bad rows answers the first 100 errors by line and the count, and imports the good rows', async () => {
    const admin = await t.loginAs('demo-admin')
    const rows: string[] = []
    for (let i = 1; i <= 1100; i++) {
      rows.push(
        i % 11 === 0
          ? `青山区,幸福路街道,新建社区,新建社区第二网格,MANY-${i},好楼${i},,1,`
          : `青山区,幸福路街道,新建社区,新建社区第二网格,bad code ${i},坏楼${i},,1,`,
      )
    }
    const res = await postCsv(admin.accessToken, csv(...rows))
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ rows: 1100, created: 100, errorCount: 1000 })
    expect(res.body.errors).toHaveLength(100)
    expect(res.body.errors[0]).toMatchObject({ row: 2 })
    expect(res.body.errors[0].message).toContain('楼栋编码')
    expect(res.body.errors[99].row).toBe(110) // lines 2…110 less the good rows on lines 12, 23, … 100
    expect(await countCoded('MANY-')).toBe(100)
  })

  it('a body over the limit answers 413 in the JSON error shape, sent whole or chunked, and changes nothing', async () => {
    const admin = await t.loginAs('demo-admin')
    const row = '青山区,幸福路街道,新建社区,新建社区第三网格,HUGE-1,大楼,' + '很长的地址'.repeat(10) + ',1,\n'
    const huge = HEADER + '\n' + row.repeat(Math.ceil((PLACE_CSV_MAX_BYTES + 1024) / Buffer.byteLength(row)))
    const whole = await postCsv(admin.accessToken, huge)
    expect(whole.status).toBe(413)
    expect(whole.body.error).toMatchObject({ code: 'payload_too_large' })
    expect(whole.body.error.message).toMatch(/[\u4e00-\u9fa5]/)

    const bytes = Buffer.from(huge)
    let sent = 0
    const chunked = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= bytes.length) return controller.close()
        controller.enqueue(bytes.subarray(sent, sent + 65536))
        sent += 65536
      },
    })
    const streamed = await postCsv(admin.accessToken, chunked)
    expect(streamed.status).toBe(413)
    expect(streamed.body.error.code).toBe('payload_too_large')
    expect(await countCoded('HUGE-')).toBe(0)
  })

  it('malformed quoting, a file that is not UTF-8, or gzip it cannot read answer 400/415 in the JSON shape and change nothing', async () => {
    const admin = await t.loginAs('demo-admin')
    const good = (i: number) => `青山区,幸福路街道,新建社区,新建社区第四网格,BROKEN-${i},坏文件${i}号楼,,1,`
    const quoting = await postCsv(
      admin.accessToken,
      csv(good(1), good(2), '青山区,幸福路街道,"新建社区,新建社区第四网格,BROKEN-3,x,,1,', good(4)),
    )
    expect(quoting.status).toBe(400)
    expect(quoting.body.error).toMatchObject({ code: 'bad_request' })
    expect(quoting.body.error.message).toContain('CSV 无法解析（第 4 行起）：引号没有闭合')
    const empty = await postCsv(admin.accessToken, '\n \n')
    expect(empty.status).toBe(400)
    expect(empty.body.error.message).toContain('请上传 CSV 内容')

    // What Excel on a Chinese Windows writes by default: GBK, not UTF-8.
    const gbk = Buffer.concat([
      Buffer.from(csv(good(5)) + '\n'),
      Buffer.from([0xc7, 0xe0, 0xc9, 0xbd, 0xc7, 0xf8]),
      Buffer.from(',幸福路街道,新建社区,新建社区第四网格,BROKEN-6,楼,,1,\n'),
    ])
    const notUtf8 = await postCsv(admin.accessToken, gbk)
    expect(notUtf8.status).toBe(400)
    expect(notUtf8.body.error.message).toContain('UTF-8')

    const gzipped = await postCsv(admin.accessToken, csv(good(7)), { 'content-encoding': 'gzip' })
    expect(gzipped.status).toBe(415)
    expect(gzipped.body.error.code).toBe('unsupported_media_type')
    expect(await countCoded('BROKEN-')).toBe(0)
  })

  it('while 20,000 buildings import, /api/health is answered between batches', async () => {
    const admin = await t.loginAs('demo-admin')
    let finished = false
    const importing = postCsv(admin.accessToken, buildingsCsv('BIG', 20000)).finally(() => {
      finished = true
    })
    // Each sample: a health answer, and how many of the file's buildings were stored when it came.
    const storedAtHealth: number[] = []
    while (!finished) {
      const health = await fetch(`${t.url}/api/health`)
      if (finished) break
      expect(health.status).toBe(200)
      storedAtHealth.push(await countCoded('BIG'))
    }
    const res = await importing
    expect(storedAtHealth.some((n) => n > 0 && n < 20000)).toBe(true)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ rows: 20000, created: 20000, errorCount: 0, errors: [] })
    expect(await countCoded('BIG')).toBe(20000)
  })

  it('a client that hangs up mid-upload leaves the server answering and nothing stored', async () => {
    const admin = await t.loginAs('demo-admin')
    const partial = Buffer.from(buildingsCsv('GONE', 2000))
    for (let round = 0; round < 2; round++) {
      await new Promise<void>((resolve) => {
        const req = httpRequest(`${t.url}/api/places/import`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${admin.accessToken}`,
            'content-type': 'text/csv',
            'content-length': String(partial.length * 2),
          },
        })
        req.on('error', () => resolve())
        req.on('close', () => resolve())
        req.write(partial, () => req.destroy())
      })
      expect((await fetch(`${t.url}/api/health`)).status).toBe(200)
    }
    const after = await postCsv(admin.accessToken, csv('青山区,幸福路街道,新建社区,新建社区第五网格,AFTER-1,挂断之后1号楼,,1,'))
    expect(after.body).toMatchObject({ created: 1 })
    expect(await countCoded('GONE')).toBe(0)
  })
})
