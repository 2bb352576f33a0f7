import { existsSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { startE2E, type E2E } from './harness'

/**
 * A newcomer's first minutes, in the H5 build served by the real server:
 * scan the building's QR link → log in → confirm the building → see the officer who leads it.
 */
let e2e: E2E
beforeAll(async () => {
  e2e = await startE2E()
})
afterAll(() => e2e?.close())

async function loginAs(page: Page, label: string) {
  await page.getByText(label, { exact: true }).first().click()
}

describe('a resident meets their building-lead officer', () => {
  it('binds a building through its QR link and sees the officer on duty; a building whose officer is on leave shows the duty desk', async () => {
    const { context, page } = await e2e.phone()
    // Opening the QR link before logging in: the building is remembered across the login.
    await page.goto(`${e2e.url}/?building=QS-111-01`)
    await page.getByText('演示账号').waitFor()
    await e2e.shot(page, '01-login')
    await loginAs(page, '新居民')

    const confirm = page.getByText(/^确认绑定到 阳光社区 阳光花园1号楼/)
    await confirm.waitFor()
    await page.getByText('2单元', { exact: true }).click()
    await e2e.shot(page, '02-bind-from-qr')
    await confirm.click()

    await page.getByText('我的楼长民警').waitFor()
    const card = page.locator('.officer-card')
    await card.getByText('在岗').waitFor()
    await expectText(card, /警号 \d{6}/)
    await expectText(card, '幸福路派出所')
    await expectText(card, '值班时间：每天 全天')
    await expectText(page.locator('body'), /阳光社区 · 阳光花园1号楼 · 2单元/)
    await expectText(page.locator('body'), '紧急情况请拨打 110')
    const photo = card.locator('img').first()
    await photo.waitFor()
    expect(await photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true)
    expect(existsSync(await e2e.shot(page, '03-home-officer-on-duty'))).toBe(true)

    // Moving to a building whose officer is on leave: the street's duty desk covers.
    await page.goto(`${e2e.url}/?building=QS-112-01`)
    const move = page.getByText(/^确认绑定到 阳光社区 幸福家园1号楼/)
    await move.waitFor()
    await move.click()
    await page.getByText('我的楼长民警').waitFor()
    await page.getByText(/^休假中（至 \d{4}年\d+月\d+日）$/).waitFor()
    await expectText(page.locator('body'), '民警休假中，现由 幸福路街道值班台 值守')
    await expectText(page.locator('body'), /将拨打：幸福路街道值班台 0472-\d+/)
    await e2e.shot(page, '04-home-officer-on-leave-desk-covers')
    await context.close()
  })

  it('finds a building by searching when there is no QR code at hand', async () => {
    const { context, page } = await e2e.phone()
    await page.goto(e2e.url)
    await loginAs(page, '新居民')
    await page.getByText('绑定我的楼栋').first().click()
    await page.locator('input').first().fill('青松苑2号楼')
    await page.getByText('搜索', { exact: true }).click()
    await page.getByText('请点选您住的楼栋').waitFor()
    await page
      .getByText(/青松苑2号楼/)
      .first()
      .click()
    await page.getByText(/^确认绑定到 阳光社区 青松苑2号楼/).click()
    await page.locator('.officer-card').getByText('在岗').waitFor()
    await e2e.shot(page, '05-home-after-search')
    await context.close()
  })
})

describe('staff homes', () => {
  it('an officer sees the buildings they lead with their residents', async () => {
    const { context, page } = await e2e.phone()
    await page.goto(e2e.url)
    await page
      .getByText(/（楼长民警）$/)
      .first()
      .click()
    await page.getByText('我负责的楼栋').waitFor()
    await expectText(page.locator('body'), /阳光花园1号楼/)
    await e2e.shot(page, '06-officer-home')
    await context.close()
  })

  it('the duty desk sees its officers on and off duty and creates an invite code', async () => {
    const { context, page } = await e2e.phone()
    await page.goto(e2e.url)
    await page
      .getByText(/（值班台）$/)
      .first()
      .click()
    await page
      .getByText(/幸福路街道/)
      .first()
      .waitFor()
    await page
      .getByText(/休假|休息/)
      .first()
      .waitFor()
    await e2e.shot(page, '07-desk-home')
    await context.close()
  })
})

async function expectText(scope: ReturnType<Page['locator']>, text: string | RegExp) {
  await scope.getByText(text).first().waitFor({ timeout: 10000 })
}
