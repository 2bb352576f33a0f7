import { writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import sharp from 'sharp'
import { see, startE2E, tap, visible, type E2E } from './harness'

/**
 * 24-hour messaging in the H5 build, two phones at once: a resident writes to their building-lead
 * officer and sees 已送达 then 已读; the officer sees the unread badge, answers live; with the
 * officer on leave, the duty desk answers and the resident sees 值班民警 代回复.
 */
let e2e: E2E
const open: BrowserContext[] = []
beforeAll(async () => {
  e2e = await startE2E()
})
afterAll(async () => {
  for (const context of open) await context.close().catch(() => undefined)
  await e2e?.close()
})

async function phoneAs(label: RegExp): Promise<Page> {
  const { context, page } = await e2e.phone()
  open.push(context)
  await e2e.login(page, label)
  return page
}

/** The 消息 tab's badge, as the tab bar draws it ('' when there is none). */
async function messagesBadge(page: Page): Promise<string> {
  const item = page.locator('.weui-tabbar__item').filter({ hasText: '消息' }).filter({ visible: true }).first()
  const badge = item.locator('.weui-badge')
  return (await badge.count()) > 0 ? ((await badge.first().textContent()) ?? '').trim() : ''
}

async function badgeAbove(page: Page, count: number, timeout = 15000): Promise<void> {
  for (const deadline = Date.now() + timeout; Date.now() < deadline; await page.waitForTimeout(250)) {
    if (Number((await messagesBadge(page)) || 0) > count) return
  }
  throw new Error(`the 消息 badge stayed at ${count}`)
}

async function send(page: Page, text: string) {
  await page.locator('.chat-compose__input textarea').filter({ visible: true }).first().fill(text)
  await tap(page, '发送')
  await see(page, text)
}

/** The access token the H5 app keeps (Taro storage wraps values as { data }). */
const accessToken = (page: Page) =>
  page.evaluate(
    () => (JSON.parse(localStorage.getItem('anju.session') ?? '{}') as { data?: { accessToken?: string } }).data?.accessToken ?? '',
  )

describe('messaging between a resident and their building-lead officer', () => {
  let resident: Page
  let officer: Page

  it('the resident writes from the officer card; the officer sees the badge, reads it, and answers live', async () => {
    officer = await phoneAs(/（楼长民警）$/)
    resident = await phoneAs(/（居民）$/)
    const before = Number((await messagesBadge(officer)) || 0)
    // The officer's demo notices wait unread on the resident's home page.
    await see(resident, '查看全部社区通知')
    await e2e.shot(resident, '20-resident-home-notice')

    await tap(resident, '在线留言')
    await resident.waitForURL(/pages\/chat\/index\?id=\d+/)
    await send(resident, '您好，3单元楼道的灯坏了，晚上老人上下楼看不清')
    await see(resident, /^(已发送|已送达)$/)
    await e2e.shot(resident, '21-resident-sent')

    // The officer has not opened anything: the badge on 消息 counts the new message.
    await badgeAbove(officer, before)
    await e2e.shot(officer, '22-officer-unread-badge')
    await see(resident, '已送达') // the officer's app received it (ack), before anyone read it

    await tap(officer, '消息')
    await see(officer, '居民留言')
    await see(officer, '您好，3单元楼道的灯坏了，晚上老人上下楼看不清')
    await e2e.shot(officer, '23-officer-inbox')
    await visible(officer, '您好，3单元楼道的灯坏了，晚上老人上下楼看不清').click()
    await officer.waitForURL(/pages\/chat\/index\?id=\d+/)
    await see(resident, '已读')
    await e2e.shot(resident, '24-resident-sees-read')

    await send(officer, '收到，我今天下午就联系物业来换灯泡')
    await see(resident, '收到，我今天下午就联系物业来换灯泡') // no reload: it came over the socket

    // A photo: uploaded (purpose=message), then sent by its id; the officer sees it arrive.
    const photo = join(tmpdir(), 'anju-e2e-dark-corridor.jpg')
    writeFileSync(
      photo,
      await sharp({ create: { width: 800, height: 600, channels: 3, background: '#2b2b33' } })
        .jpeg()
        .toBuffer(),
    )
    const chooser = resident.waitForEvent('filechooser')
    await tap(resident, '图片')
    await (await chooser).setFiles(photo)
    await officer.locator('.chat-bubble__image').filter({ visible: true }).first().waitFor({ timeout: 15000 })
    await e2e.shot(resident, '25-resident-live-reply')
    await e2e.shot(officer, '26-officer-chat')
  })

  it('with the officer on leave, the duty desk answers and the resident sees who did', async () => {
    const token = await accessToken(officer)
    const status = await officer.evaluate(async (bearer) => {
      const until = new Date(Date.now() + 3 * 86400_000).toISOString()
      const res = await fetch('/api/officer/profile', {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${bearer}` },
        body: JSON.stringify({ onLeaveUntil: until }),
      })
      return res.status
    }, token)
    expect(status).toBe(200)

    await send(resident, '灯还是没亮，楼道里太黑了')
    await see(resident, /不在岗，.+值班台 代为回复/)
    await e2e.shot(resident, '27-resident-desk-cover')

    const desk = await phoneAs(/（值班台）$/)
    await tap(desk, '消息')
    await see(desk, '居民留言')
    await e2e.shot(desk, '28-desk-inbox')
    // The desk starts on 值班代回: the conversation it covers now, its newest line the hand-over note.
    const row = desk.locator('.conv-row').filter({ visible: true }).filter({ hasText: '值班代回' }).first()
    await row.waitFor()
    await row.click()
    await desk.waitForURL(/pages\/chat\/index\?id=\d+/)
    await see(desk, '灯还是没亮，楼道里太黑了')
    await send(desk, '您好，我是值班民警，已通知物业今晚先装临时照明')

    await see(resident, '您好，我是值班民警，已通知物业今晚先装临时照明')
    await see(resident, '值班民警 代回复')
    await e2e.shot(resident, '29-resident-desk-reply')
  })

  it('the officer posts a 反诈提醒 to their buildings; the resident reads it and the officer sees the count', async () => {
    await officer.goto(`${e2e.url}/pages/notice-compose/index`)
    await tap(officer, '反诈提醒')
    await officer.locator('.compose input').filter({ visible: true }).first().fill('警惕冒充民警的电话')
    await officer
      .locator('.compose-body textarea')
      .filter({ visible: true })
      .first()
      .fill('民警不会在电话里要求转账，也不会索要验证码。接到这样的电话请直接挂断，给楼长民警留言核实。')
    await e2e.shot(officer, '30-notice-compose')
    await tap(officer, '发布通知')
    await see(officer, '通知已发布')
    await see(officer, /^已读 0 \/ \d+ 户 · 发布到 \d+ 栋楼$/)
    await e2e.shot(officer, '31-notice-posted')

    await resident.goto(e2e.url)
    await see(resident, '警惕冒充民警的电话')
    await tap(resident, '消息')
    await see(resident, '社区通知')
    await e2e.shot(resident, '32-resident-notices')
    await visible(resident, '警惕冒充民警的电话').click()
    await resident
      .locator('.notice-card')
      .filter({ visible: true })
      .filter({ hasText: '警惕冒充民警的电话' })
      .filter({ hasText: '未读' })
      .waitFor({ state: 'detached' })

    await officer.goto(`${e2e.url}/pages/messages/index`)
    await tap(officer, '我发布的通知')
    await see(officer, /^已读 1 \/ \d+ 户 · 发布到 \d+ 栋楼$/)
    await e2e.shot(officer, '33-officer-notice-reach')
  })

  it('the officer edits their 常用语 and turns the resident’s message into a hazard ticket', async () => {
    for (const [page, section] of [
      [resident, '我的楼长民警'],
      [officer, '居民留言'],
    ] as const) {
      await (page === officer ? tap(page, section) : see(page, section))
      const row = page.locator('.conv-row').filter({ visible: true }).first()
      await row.waitFor()
      await row.click()
      await page.waitForURL(/pages\/chat\/index\?id=\d+/)
    }
    await tap(officer, '编辑常用语')
    await tap(officer, '添加一条')
    // The five default replies, then the new, empty line.
    await officer.locator('.chat-canned-edit__text textarea').filter({ visible: true }).nth(5).fill('物业师傅已经出发，请您留意敲门')
    await e2e.shot(officer, '34-officer-canned-editor')
    await tap(officer, '保存常用语')
    await visible(officer, '物业师傅已经出发，请您留意敲门').click()
    await tap(officer, '发送')
    await see(resident, '物业师傅已经出发，请您留意敲门')

    await visible(officer, '转为工单', true).click()
    await tap(officer, '隐患上报')
    await officer.locator('.chat-choice--small').filter({ visible: true }).first().click()
    await e2e.shot(officer, '35-officer-convert-to-ticket')
    await tap(officer, '确认转为工单')
    await officer.waitForURL(/pages\/ticket\/index\?id=\d+/)
    await see(officer, /AJ\d{8}-\d{6}/)
    await e2e.shot(officer, '36-ticket-from-message')
    await see(resident, /^工单 AJ\d{8}-\d{6}$/)
    await e2e.shot(resident, '37-resident-ticket-card')
  })
})
