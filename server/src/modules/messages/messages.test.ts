import { randomUUID } from 'node:crypto'
import sharp from 'sharp'
import { startTestApp, type TestApp } from '../../test/harness'
import { tokensFor } from '../tickets/test-helpers'
import { Message } from './entities'
import { LIMITS } from '../../lib/rate-limit'
import { messagesOf, openConversation, sendText } from './test-helpers'

let t: TestApp
let tok: Record<string, string>
beforeAll(async () => {
  t = await startTestApp()
  tok = await tokensFor(
    t,
    'demo-resident-1',
    'demo-resident-2',
    'demo-resident-3',
    'demo-resident-5',
    'demo-officer-1',
    'demo-officer-2',
    'demo-dispatcher-2',
  )
})
afterAll(() => t.close())

const count = (conversationId: number) => t.ds.manager.countBy(Message, { conversationId })

describe('a resident and their building-lead officer', () => {
  let conv: number
  beforeAll(async () => {
    conv = await openConversation(t, tok['demo-resident-1']!)
  })

  it('opening twice gives the same conversation, with the officer on duty and no desk cover', async () => {
    expect(await openConversation(t, tok['demo-resident-1']!)).toBe(conv)
    const detail = (await t.call('GET', `/api/conversations/${conv}`, { token: tok['demo-resident-1'] })).body
    expect(detail).toMatchObject({ viewerSide: 'resident', deskCover: null, lastSeq: 0 })
    expect(detail.officerCard.onDuty).toBe(true)
  })

  it('a message reaches the officer’s inbox as unread; fetching marks it delivered, reading marks it read', async () => {
    const sent = await sendText(t, tok['demo-resident-1']!, conv, '楼道的灯坏了好几天了，晚上老人上下楼很危险')
    expect(sent.status).toBe(201)
    expect(sent.body.message).toMatchObject({ seq: 1, side: 'resident', kind: 'text', label: null })

    const inbox = (await t.call('GET', '/api/conversations?filter=unread', { token: tok['demo-officer-1'] })).body
    const row = inbox.items.find((c: { id: number }) => c.id === conv)
    expect(row).toMatchObject({ unread: 1, lastMessage: { preview: '楼道的灯坏了好几天了，晚上老人上下楼很危险', side: 'resident' } })
    expect((await t.call('GET', '/api/messages/unread', { token: tok['demo-officer-1'] })).body.messages).toBe(1)

    const page = await messagesOf(t, tok['demo-officer-1']!, conv)
    expect(page.items.map((m: { seq: number }) => m.seq)).toEqual([1])
    expect(page.receipts).toMatchObject({ staffDeliveredSeq: 1, staffReadSeq: 0 })
    const read = await t.call('POST', `/api/conversations/${conv}/read`, { token: tok['demo-officer-1'], body: { seq: 1 } })
    expect(read.body).toMatchObject({ staffDeliveredSeq: 1, staffReadSeq: 1 })
    expect((await t.call('GET', '/api/messages/unread', { token: tok['demo-officer-1'] })).body.messages).toBe(0)
  })

  it('the officer’s reply is unread for the resident until they read it', async () => {
    const reply = await sendText(t, tok['demo-officer-1']!, conv, '收到，我今天下午带物业过去看看')
    expect(reply.body.message).toMatchObject({ seq: 2, side: 'officer', label: null })
    expect((await t.call('GET', '/api/messages/unread', { token: tok['demo-resident-1'] })).body).toMatchObject({ messages: 1 })
    await t.call('POST', `/api/conversations/${conv}/read`, { token: tok['demo-resident-1'], body: { seq: 99 } })
    const detail = (await t.call('GET', `/api/conversations/${conv}`, { token: tok['demo-resident-1'] })).body
    expect(detail.receipts.residentReadSeq).toBe(2)
    expect(detail.unread).toBe(0)
    expect(detail.awaitingSince).toBeNull()
  })

  it('a retried send returns the first message; two at once store one', async () => {
    const body = { kind: 'text', clientId: randomUUID(), text: '请问几点到？' }
    const before = await count(conv)
    const [a, b] = await Promise.all([
      t.call('POST', `/api/conversations/${conv}/messages`, { token: tok['demo-resident-1'], body }),
      t.call('POST', `/api/conversations/${conv}/messages`, { token: tok['demo-resident-1'], body }),
    ])
    expect([a.status, b.status]).toEqual([201, 201])
    expect(a.body.message.id).toBe(b.body.message.id)
    expect([a.body.replayed, b.body.replayed].sort()).toEqual([false, true])
    const again = await t.call('POST', `/api/conversations/${conv}/messages`, { token: tok['demo-resident-1'], body })
    expect(again.body).toMatchObject({ replayed: true, message: { id: a.body.message.id } })
    expect(await count(conv)).toBe(before + 1)
  })

  it('messages sent at once are numbered without gaps or repeats, and the gap after a seq can be fetched', async () => {
    const before = (await messagesOf(t, tok['demo-resident-1']!, conv)).lastSeq
    const sent = await Promise.all([1, 2, 3, 4, 5].map((i) => sendText(t, tok['demo-officer-1']!, conv, `第${i}条`)))
    const seqs = sent.map((r) => r.body.message.seq).sort((x, y) => x - y)
    expect(seqs).toEqual([before + 1, before + 2, before + 3, before + 4, before + 5])
    const gap = await messagesOf(t, tok['demo-resident-1']!, conv, `?afterSeq=${before + 2}`)
    expect(gap.items.map((m: { seq: number }) => m.seq)).toEqual([before + 3, before + 4, before + 5])
    const older = await messagesOf(t, tok['demo-resident-1']!, conv, `?beforeSeq=3&limit=2`)
    expect(older.items.map((m: { seq: number }) => m.seq)).toEqual([1, 2])
    expect(older.hasOlder).toBe(false)
  })

  it('staff mark it handled; the resident’s next message opens it again', async () => {
    const handled = await t.call('POST', `/api/conversations/${conv}/handled`, { token: tok['demo-officer-1'], body: { handled: true } })
    expect(handled.body.handled).toBe(true)
    const open = (await t.call('GET', '/api/conversations?filter=open', { token: tok['demo-officer-1'] })).body.items
    expect(open.map((c: { id: number }) => c.id)).not.toContain(conv)
    await sendText(t, tok['demo-resident-1']!, conv, '灯修好了，谢谢！')
    expect((await t.call('GET', `/api/conversations/${conv}`, { token: tok['demo-officer-1'] })).body.handled).toBe(false)
    expect(
      (await t.call('POST', `/api/conversations/${conv}/handled`, { token: tok['demo-resident-1'], body: { handled: true } })).status,
    ).toBe(403)
  })

  it('the officer finds it by the resident’s building name, and 常用语 start from defaults and can be edited', async () => {
    const detail = (await t.call('GET', `/api/conversations/${conv}`, { token: tok['demo-officer-1'] })).body
    const found = (
      await t.call('GET', `/api/conversations?q=${encodeURIComponent(detail.building.name)}`, { token: tok['demo-officer-1'] })
    ).body.items
    expect(found.map((c: { id: number }) => c.id)).toContain(conv)
    const none = (await t.call('GET', `/api/conversations?q=${encodeURIComponent('没有这个楼')}`, { token: tok['demo-officer-1'] })).body
      .items
    expect(none).toEqual([])
    const wildcard = (await t.call('GET', `/api/conversations?q=${encodeURIComponent('%')}`, { token: tok['demo-officer-1'] })).body.items
    expect(wildcard).toEqual([])
    const defaults = (await t.call('GET', '/api/canned-replies', { token: tok['demo-officer-1'] })).body.items
    expect(defaults.length).toBeGreaterThan(2)
    const saved = await t.call('PUT', '/api/canned-replies', { token: tok['demo-officer-1'], body: { items: ['马上到', '请稍等'] } })
    expect(saved.status).toBe(200)
    expect((await t.call('GET', '/api/canned-replies', { token: tok['demo-officer-1'] })).body.items).toEqual(['马上到', '请稍等'])
    expect((await t.call('PUT', '/api/canned-replies', { token: tok['demo-officer-1'], body: { items: [''] } })).status).toBe(400)
  })
})

describe('bad input is refused and stores nothing', () => {
  let conv: number
  beforeAll(async () => {
    conv = await openConversation(t, tok['demo-resident-1']!)
  })

  it('someone else’s conversation is 404, for residents and for an officer of other buildings', async () => {
    const before = await count(conv)
    for (const who of ['demo-resident-2', 'demo-officer-2']) {
      expect((await t.call('GET', `/api/conversations/${conv}`, { token: tok[who] })).status).toBe(404)
      expect((await sendText(t, tok[who]!, conv, '你好')).status).toBe(404)
      expect((await t.call('POST', `/api/conversations/${conv}/read`, { token: tok[who], body: { seq: 1 } })).status).toBe(404)
    }
    expect((await t.call('GET', '/api/conversations/999999', { token: tok['demo-resident-1'] })).status).toBe(404)
    expect(await count(conv)).toBe(before)
  })

  it('empty or oversize text and unknown client id formats get a clear 400', async () => {
    const before = await count(conv)
    const empty = await sendText(t, tok['demo-resident-1']!, conv, '   ')
    expect(empty.status).toBe(400)
    expect(empty.body.error.message).toContain('请输入消息内容')
    const long = await sendText(t, tok['demo-resident-1']!, conv, '长'.repeat(1001))
    expect(long.status).toBe(400)
    expect(long.body.error.message).toContain('1000')
    for (const clientId of ['short', 'has space in it!', 'x'.repeat(65), 42]) {
      const bad = await t.call('POST', `/api/conversations/${conv}/messages`, {
        token: tok['demo-resident-1'],
        body: { kind: 'text', clientId, text: '你好' },
      })
      expect(bad.status).toBe(400)
    }
    const image = await t.call('POST', `/api/conversations/${conv}/messages`, {
      token: tok['demo-resident-1'],
      body: { kind: 'image', clientId: randomUUID(), imageId: 999999 },
    })
    expect(image.status).toBe(400)
    expect(await count(conv)).toBe(before)
  })

  it(`a flood past ${LIMITS.messages.points} a minute is refused with 429 and the rest is not stored`, async () => {
    const flood = await openConversation(t, tok['demo-resident-5']!)
    for (let i = 0; i < LIMITS.messages.points; i++)
      expect((await sendText(t, tok['demo-resident-5']!, flood, `消息${i}`)).status).toBe(201)
    const over = await sendText(t, tok['demo-resident-5']!, flood, '还有一条')
    expect(over.status).toBe(429)
    expect(over.body.error).toMatchObject({ code: 'rate_limited', message: '发送太频繁，请稍等一分钟再发' })
    expect(await t.ds.manager.countBy(Message, { conversationId: flood, side: 'resident' })).toBe(LIMITS.messages.points)
  })
})

describe('images and the content check', () => {
  it('a photo uploaded for a message is sent once, shown with a signed link; text the check flags is marked held for staff', async () => {
    const conv = await openConversation(t, tok['demo-resident-1']!)
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#36c' } })
      .png()
      .toBuffer()
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'photo.png')
    const up = await fetch(`${t.url}/api/uploads?purpose=message`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tok['demo-resident-1']}` },
      body: form,
    })
    const photo = (await up.json()) as { id: number }
    const body = { kind: 'image', clientId: randomUUID(), imageId: photo.id }
    const sent = await t.call('POST', `/api/conversations/${conv}/messages`, { token: tok['demo-resident-1'], body })
    expect(sent.status).toBe(201)
    expect(sent.body.message).toMatchObject({ kind: 'image', text: null, image: { id: photo.id } })
    const image = await fetch(t.url + sent.body.message.image.url)
    expect(image.status).toBe(200)
    const again = await t.call('POST', `/api/conversations/${conv}/messages`, {
      token: tok['demo-resident-1'],
      body: { ...body, clientId: randomUUID() },
    })
    expect(again.status).toBe(400)
    expect(again.body.error.message).toBe('这张图片已经发送过了')

    // A resident telling the police about gambling trips WeChat's check: it is delivered, marked for staff.
    const flagged = await sendText(t, tok['demo-resident-1']!, conv, '有人在楼下赌博，吵到半夜')
    expect(flagged.status).toBe(201)
    expect(flagged.body.message.held).toBe(true)
  })
})
