import { createLogger } from '../../lib/logger'
import { HttpWechatApi } from '../../integrations/wechat/client'
import { startTestApp, type TestApp } from '../../test/harness'
import { checkText } from './content-check'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp({ seed: false })
})
afterAll(() => t.close())

describe('checking what residents write', () => {
  it('passes ordinary text and holds text WeChat finds risky', async () => {
    expect(await checkText(t.ctx, { openid: 'demo-resident-1', content: '3号楼楼道灯坏了，晚上很黑，请尽快修理。', scene: 1 })).toBe('pass')
    expect(await checkText(t.ctx, { openid: 'demo-resident-1', content: '专业代开发票，联系我', scene: 1 })).toBe('held')
  })

  it('checks long text in pieces, so a risky word at the end is found', async () => {
    expect(await checkText(t.ctx, { openid: 'demo-resident-1', content: `${'楼道堆放杂物。'.repeat(400)}赌博`, scene: 1 })).toBe('held')
  })

  it('passes the text, and logs why, when WeChat cannot be reached: a report is never lost', async () => {
    const lines: string[] = []
    const offline = {
      ...t.ctx,
      log: createLogger('warn', (line) => lines.push(line)),
      wechat: new HttpWechatApi({ baseUrl: 'http://127.0.0.1:9', appId: 'wx', appSecret: 's', timeoutMs: 500 }),
    }
    expect(await checkText(offline, { openid: 'demo-resident-1', content: '专业代开发票', scene: 1 })).toBe('pass')
    expect(lines.join('\n')).toContain('content check unavailable')
    expect(lines.join('\n')).not.toContain('代开发票')
  })
})
