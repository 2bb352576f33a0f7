import { writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sharp from 'sharp'
import { see, startE2E, tap, type E2E } from './harness'

/**
 * The closed loop in the H5 build: a resident reports a hazard with a photo, the building's officer
 * accepts and resolves it with a public note, the resident follows the timeline and rates it; an
 * overdue ticket escalates to the duty desk, whose statistics show the month.
 */
let e2e: E2E
beforeAll(async () => {
  e2e = await startE2E()
})
afterAll(() => e2e?.close())

describe('a hazard report, from the resident to the officer and back', () => {
  let ticketPath = ''

  it('the resident reports a fire hazard with a photo and gets the electronic receipt', async () => {
    const { context, page } = await e2e.phone()
    await e2e.login(page, /（居民）$/)
    await tap(page, '隐患上报')
    await tap(page, '消防安全')
    await page.locator('textarea').first().fill('3单元楼道里堆满了纸箱和旧家具，挡住了消防通道')
    const photo = join(tmpdir(), 'anju-e2e-corridor.jpg')
    writeFileSync(
      photo,
      await sharp({ create: { width: 800, height: 600, channels: 3, background: '#8a6d4b' } })
        .jpeg()
        .toBuffer(),
    )
    const chooser = page.waitForEvent('filechooser')
    const uploaded = page.waitForResponse((r) => r.url().includes('/api/uploads?') && r.request().method() === 'POST')
    await page.getByText('添加照片').click()
    await (await chooser).setFiles(photo)
    expect((await uploaded).status()).toBe(201)
    await see(page, '照片（选填，1/9）')
    await e2e.shot(page, '10-report-filled')
    await tap(page, '提交')
    await see(page, /AJ\d{8}-\d{6}/)
    await see(page, '幸福路派出所')
    await e2e.shot(page, '11-receipt')
    await tap(page, '查看工单')
    await page.waitForURL(/pages\/ticket\/index\?id=\d+/)
    ticketPath = new URL(page.url()).pathname + new URL(page.url()).search
    await see(page, '待受理')
    await context.close()
  })

  it('the building’s officer accepts it, adds a public note and resolves it', async () => {
    const { context, page } = await e2e.phone()
    await e2e.login(page, /（楼长民警）$/)
    await tap(page, '工单')
    await see(page, '3单元楼道里堆满了纸箱和旧家具，挡住了消防通道')
    await e2e.shot(page, '12-officer-workbench')
    await page.goto(e2e.url + ticketPath)
    await tap(page, '受理')
    await tap(page, '确认受理')
    await see(page, '已受理')
    await tap(page, '备注')
    await page.locator('textarea').last().fill('已联系物业，今天下午上门清理')
    await page.getByText('公开（居民可见）').click()
    await tap(page, '保存备注')
    await see(page, '已联系物业，今天下午上门清理')
    await tap(page, '办结')
    await page.locator('textarea').last().fill('杂物已清理，消防通道已畅通')
    await tap(page, '确认办结')
    await see(page, '已办结')
    await e2e.shot(page, '13-officer-resolved')
    await context.close()
  })

  it('the resident sees the public timeline and rates it 满意', async () => {
    const { context, page } = await e2e.phone()
    await e2e.login(page, /（居民）$/)
    await page.goto(e2e.url + ticketPath)
    await see(page, '已联系物业，今天下午上门清理')
    await see(page, '杂物已清理，消防通道已畅通')
    await e2e.shot(page, '14-resident-timeline')
    await tap(page, '满意')
    await tap(page, '提交评价')
    await see(page, '感谢您的评价')
    await see(page, '已完结')
    await e2e.shot(page, '15-resident-rated')
    await context.close()
  })
})

describe('the duty desk', () => {
  it('an overdue ticket escalates by itself and the desk is alerted; the statistics show the month', async () => {
    const { context, page } = await e2e.phone()
    await e2e.login(page, /（值班台）$/)
    // The demo's newest reports have waited past their time to accept; the sweep (every second here) escalated them.
    await see(page, '已升级')
    await e2e.shot(page, '16-desk-alerts')
    await page.getByText('已升级').first().click()
    await see(page, /自动升级至社区级办理/)
    await e2e.shot(page, '17-escalated-ticket')
    await page.goto(e2e.url)
    await tap(page, '工单统计')
    await see(page, '按时办结率')
    await see(page, '满意率')
    await e2e.shot(page, '18-stats')
    await context.close()
  })
})
