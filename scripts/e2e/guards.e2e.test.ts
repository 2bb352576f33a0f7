import { see, startE2E, tap, visible, type E2E } from './harness'

/**
 * What a resident sees of the guards in the H5 build: a danger happening now puts 110 first, a
 * worry does not; a name that poses as the police is refused in the resident's own words.
 */
let e2e: E2E
beforeAll(async () => {
  e2e = await startE2E()
})
afterAll(() => e2e?.close())

describe('the guards a resident meets', () => {
  it('a knife in the stairwell asks for 110 first; a worried report about a fire risk goes in as an ordinary report', async () => {
    const { context, page } = await e2e.phone()
    await e2e.login(page, /（居民）$/)
    await tap(page, '隐患上报')
    await tap(page, '消防安全')
    const description = page.locator('textarea').first()
    await description.fill('有人拿着刀在楼道里追人')
    await tap(page, '提交')
    await see(page, '请先拨打110')
    await see(page, /有人持刀械/)
    await e2e.shot(page, '40-emergency-knife')
    await tap(page, '返回修改')
    await description.fill('担心起火，楼道里堆了很多纸箱，还有人在楼道里给电动车充电')
    const submitted = page.waitForResponse((r) => r.url().endsWith('/api/tickets') && r.request().method() === 'POST')
    await tap(page, '提交')
    const answer = await submitted
    expect(answer.status()).toBe(201)
    expect((await answer.json()).ticket.urgent).toBe(false)
    await see(page, /AJ\d{8}-\d{6}/)
    expect(await visible(page, '请先拨打110').isVisible()).toBe(false)
    expect(await visible(page, '已按紧急情况优先处理').isVisible()).toBe(false)
    await e2e.shot(page, '41-risk-not-emergency')
    await context.close()
  })

  it('a resident cannot call themselves 民警, even with a space between', async () => {
    const { context, page } = await e2e.phone()
    await e2e.login(page, /（居民）$/)
    await tap(page, '我的')
    await tap(page, '修改称呼')
    const field = page.locator('.mine input, input').filter({ visible: true }).first()
    const sent: string[] = []
    page.on('request', (r) => r.url().endsWith('/api/me') && r.method() === 'PATCH' && sent.push(r.url()))
    await field.fill('民 警张伟')
    await tap(page, '保存')
    await see(page, /称呼不能使用“民警”“值班”“客服”等工作人员或官方称谓/)
    await e2e.shot(page, '42-name-refused')
    expect(sent).toHaveLength(0)
    await field.fill('张阿姨')
    await tap(page, '保存')
    await see(page, '张阿姨')
    await context.close()
  })
})
