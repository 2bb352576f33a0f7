#!/usr/bin/env node
/**
 * A resident's first visit, driven in WeChat DevTools with miniprogram-automator: log in as
 * a demo resident who has not bound a building, bind one (by "scanning" its QR code — the
 * scan is mocked — and choosing a unit), then see the building-lead officer card.
 *
 * Needs WeChat DevTools (Windows or macOS), so it never runs in CI. To run it:
 *   1. Start the server with its demo data and WeChat stand-in:      npm start
 *   2. Build the mini-program against it (the default API base is http://127.0.0.1:3000;
 *      set TARO_APP_API_BASE when the server is elsewhere):          npm run build:weapp
 *   3. In DevTools: 设置 → 安全设置 → 服务端口 on. project.config.json already turns off
 *      domain checking (urlCheck: false) so the local server can be called.
 *   4. Point WECHAT_DEVTOOLS_CLI at the DevTools command line and run this script:
 *        macOS:   WECHAT_DEVTOOLS_CLI=/Applications/wechatwebdevtools.app/Contents/MacOS/cli
 *        Windows: WECHAT_DEVTOOLS_CLI="C:/Program Files (x86)/Tencent/微信web开发者工具/cli.bat"
 *      node scripts/automator/resident-journey.js
 * Optional: BUILDING_CODE (default QS-111-01, a demo building whose officer is on duty).
 */
const path = require('node:path')
const automator = require('miniprogram-automator')

const projectPath = path.resolve(__dirname, '../../dist/weapp')
const cliPath = process.env.WECHAT_DEVTOOLS_CLI
const buildingCode = process.env.BUILDING_CODE || 'QS-111-01'

function step(text) {
  console.log(`• ${text}`)
}

/** Polls the page until `selector` matches, since each step waits on the network. */
async function waitForElement(page, selector, timeoutMs = 15000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const element = await page.$(selector)
    if (element) return element
    await page.waitFor(300)
  }
  throw new Error(`${selector} did not appear on ${page.path} within ${timeoutMs} ms`)
}

async function currentPageAt(miniProgram, route, timeoutMs = 15000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const page = await miniProgram.currentPage()
    if (page && page.path === route) return page
    await new Promise((resolve) => setTimeout(resolve, 300))
  }
  const page = await miniProgram.currentPage()
  throw new Error(`expected ${route}, still on ${page ? page.path : 'nothing'}`)
}

async function main() {
  if (!cliPath) throw new Error('Set WECHAT_DEVTOOLS_CLI to the DevTools command line (see the header of this file).')
  step(`launching DevTools on ${projectPath}`)
  const miniProgram = await automator.launch({ cliPath, projectPath, trustProject: true })
  try {
    // The officer card's call button must not dial anything during a test.
    await miniProgram.mockWxMethod('makePhoneCall', { errMsg: 'makePhoneCall:ok' })
    await miniProgram.mockWxMethod('scanCode', {
      errMsg: 'scanCode:ok',
      result: `https://anju.example.cn/?building=${buildingCode}`,
      scanType: 'QR_CODE',
    })

    step('logging in as a demo resident without a building')
    let page = await miniProgram.reLaunch('/pages/login/index')
    await waitForElement(page, '.login__identity')
    const cards = await page.$$('.login__identity')
    let chosen = null
    for (const card of cards) {
      const text = await card.text()
      if (text.includes('居民') && text.includes('未绑定')) {
        chosen = card
        console.log(`  ${text.replace(/\s+/g, ' ')}`)
        break
      }
    }
    if (!chosen) throw new Error('no demo resident without a building is offered; is the server running with DEMO_DATA=1?')
    await chosen.tap()

    step('home asks to bind a building')
    page = await currentPageAt(miniProgram, 'pages/index/index')
    const bindButton = await waitForElement(page, '.home__prompt-button')
    await bindButton.tap()

    step(`scanning the building QR code (${buildingCode})`)
    page = await currentPageAt(miniProgram, 'pages/bind/index')
    const scanButton = await waitForElement(page, '.bind__scan')
    await scanButton.tap()
    const firstUnit = await waitForElement(page, '.bind__unit')
    console.log(`  ${(await (await page.$('.bind__chosen')).text()).trim()}, ${(await firstUnit.text()).trim()}`)
    await firstUnit.tap()
    const confirm = await page.$('.bind__confirm .btn--primary')
    console.log(`  ${(await confirm.text()).trim()}`)
    await confirm.tap()

    step('home shows the building-lead officer')
    page = await currentPageAt(miniProgram, 'pages/index/index')
    await waitForElement(page, '.officer-card')
    const residence = await (await page.$('.home__residence-text')).text()
    const card = await (await page.$('.officer-card')).text()
    console.log(`  住址：${residence.trim()}`)
    console.log(`  ${card.replace(/\s+/g, ' ').trim()}`)
    if (!card.includes('警号') && !card.includes('值守'))
      throw new Error('the officer card shows neither an officer nor a covering duty desk')
    await (await page.$('.officer-card .btn--primary')).tap()
    step('the call button dials (mocked) — journey complete')
  } finally {
    await miniProgram.close()
  }
}

main().catch((err) => {
  console.error(`resident journey failed: ${err.message}`)
  process.exit(1)
})
