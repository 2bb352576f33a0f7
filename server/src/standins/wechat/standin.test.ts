import { createServer, type Server } from 'node:net'
import type { AddressInfo } from 'node:net'
import { createWechatStandinApp, startWechatStandin } from './server'

/**
 * The stand-in runs inside `npm start`: a failure in its background work (a media check pushing
 * its verdict) or in starting it must end that piece of work or fail the start, never the process.
 */
const creds = { appId: 'wx_standin_test', appSecret: 'standin-test-secret', pushToken: 'pushToken1' }

const unhandled: unknown[] = []
const onUnhandled = (reason: unknown) => void unhandled.push(reason)
beforeEach(() => {
  unhandled.length = 0
  process.on('unhandledRejection', onUnhandled)
})
afterEach(() => void process.off('unhandledRejection', onUnhandled))

async function token(url: string): Promise<string> {
  const res = await fetch(`${url}/cgi-bin/stable_token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: 'client_credential', appid: creds.appId, secret: creds.appSecret }),
  })
  return ((await res.json()) as { access_token: string }).access_token
}

describe('the WeChat stand-in never takes the process down', () => {
  it('a media check whose verdict cannot be pushed (a push URL that is not a URL) ends quietly', async () => {
    const { app, security } = createWechatStandinApp({ ...creds, pushUrl: 'not a url', mediaCheckDelayMs: 0 })
    const server = app.listen(0, '127.0.0.1')
    await new Promise((resolve) => server.once('listening', resolve))
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    try {
      const res = await fetch(`${url}/wxa/media_check_async?access_token=${await token(url)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ media_url: `${url}/missing.jpg`, media_type: 2, version: 2, scene: 3, openid: 'demo-resident-1' }),
      })
      expect(await res.json()).toMatchObject({ errcode: 0, trace_id: expect.any(String) })
      // Wait for the check to end by itself (closing the stand-in would cut its push short).
      while (security.running.size > 0) await new Promise((resolve) => setTimeout(resolve, 10))
      await new Promise((resolve) => setImmediate(resolve))
      expect(unhandled).toEqual([])
    } finally {
      await new Promise((resolve) => server.close(resolve))
    }
  })

  it('setting a push URL that is not a URL is refused at once, not when a verdict is pushed', async () => {
    const standin = await startWechatStandin(creds)
    expect(() => standin.setPushUrl('not a url')).toThrow()
    await standin.close()
  })

  it('a port already taken fails the start with an error instead of an uncaught exception', async () => {
    const taken: Server = await new Promise((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => resolve(s))
    })
    const port = (taken.address() as { port: number }).port
    try {
      await expect(startWechatStandin({ ...creds, port })).rejects.toMatchObject({ code: 'EADDRINUSE' })
    } finally {
      await new Promise((resolve) => taken.close(resolve))
    }
  })
})
