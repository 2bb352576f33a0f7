import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core'
import { scratchDatabase } from '../../server/src/test/harness'
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildServer } = require('../lib/server-build') as { buildServer: () => string }

const root = join(__dirname, '../..')
export const SCREENSHOTS = join(root, 'artifacts/e2e')

export interface E2E {
  url: string
  browser: Browser
  /** A phone-sized browser context, as a resident would hold it. */
  phone(): Promise<{ context: BrowserContext; page: Page }>
  shot(page: Page, name: string): Promise<string>
  /** Opens the app and taps a demo identity on the login page; resolves on 首页. */
  login(page: Page, label: RegExp): Promise<void>
  close(): Promise<void>
}

/** Taro's H5 router keeps earlier pages in the DOM, hidden: only what is visible counts. */
export const visible = (scope: Page | Locator, text: string | RegExp, exact = false) =>
  scope.getByText(text, { exact }).filter({ visible: true }).first()
export const see = (scope: Page | Locator, text: string | RegExp, timeout = 15000) => visible(scope, text).waitFor({ timeout })
export const tap = (page: Page, text: string | RegExp) => visible(page, text, true).click()

/** Starts the real server (as `npm start` does, on a scratch database) and Debian's Chromium. */
export async function startE2E(): Promise<E2E> {
  const db = await scratchDatabase()
  // The compiled server, exactly as `npm start` runs it.
  const server: ChildProcess = spawn(process.execPath, [buildServer()], {
    cwd: join(root, 'server'),
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: {
      ...process.env,
      NODE_ENV: 'development',
      DEMO_DATA: '1',
      PORT: '0',
      LOG_LEVEL: 'warn',
      SLA_SWEEP_MS: '1000',
      OUTBOX_POLL_MS: '1000',
      DATA_DIR: db.dataDir,
      H5_DIR: join(root, 'dist/h5'),
      ...(db.config.type === 'mysql' ? { DATABASE_URL: db.config.url } : {}),
    },
  })
  const port = await new Promise<number>((resolve, reject) => {
    server.on('message', (m: { type?: string; port?: number }) => m.type === 'listening' && resolve(m.port!))
    server.on('exit', (code) => reject(new Error(`server exited with ${code} before listening`)))
  })
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
  mkdirSync(SCREENSHOTS, { recursive: true })
  const url = `http://127.0.0.1:${port}`
  const shoot = async (page: Page, name: string) => {
    await page.waitForTimeout(1000) // let the page transition finish
    const file = join(SCREENSHOTS, `${name}.png`)
    await page.screenshot({ path: file })
    return file
  }
  return {
    url,
    browser,
    phone: async () => {
      const context = await browser.newContext({
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
      })
      return { context, page: await context.newPage() }
    },
    shot: shoot,
    login: async (page, label) => {
      await page.goto(url)
      // The login page replaces the start page: tap the identity on the page that is showing.
      await visible(page, label).click()
      // Logging in, relaunching and loading the home page can take a while on a busy 2-core CI machine.
      await visible(page, /首页/)
        .waitFor({ timeout: 45000 })
        .catch(async (err: Error) => {
          // Say what the page showed instead (an error message, the login page, a blank page).
          await shoot(page, 'failed-login')
          throw new Error(`${err.message}\nthe page showed: ${(await page.locator('body').innerText()).slice(0, 600)} at ${page.url()}`)
        })
    },
    close: async () => {
      await browser.close()
      const exited = new Promise((resolve) => server.once('exit', resolve))
      server.kill('SIGTERM')
      await exited
      await db.drop()
    },
  }
}
