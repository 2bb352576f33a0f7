import { randomUUID } from 'node:crypto'
import { startTestApp, type TestApp } from '../../test/harness'
import { tokensFor } from '../tickets/test-helpers'
import { smallPng } from '../uploads/test-helpers'
import { Message } from './entities'
import { openConversation } from './test-helpers'

/**
 * One photo, sent twice at the same moment (a double tap, two copies of the chat open): the
 * upload is claimed by one message, and the other send hears what a later resend would.
 */
let t: TestApp
let tok: Record<string, string>
beforeAll(async () => {
  t = await startTestApp()
  tok = await tokensFor(t, 'demo-resident-1')
})
afterAll(() => t.close())

async function uploadPhoto(token: string): Promise<number> {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(await smallPng())], { type: 'image/png' }), 'photo.png')
  const res = await fetch(`${t.url}/api/uploads?purpose=message`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  })
  return ((await res.json()) as { id: number }).id
}

describe('an image message sent several times at once with different client ids', () => {
  it('is stored once; the other sends answer 400 这张图片已经发送过了', async () => {
    const resident = tok['demo-resident-1']!
    const conv = await openConversation(t, resident)
    const imageId = await uploadPhoto(resident)
    const send = () =>
      t.call('POST', `/api/conversations/${conv}/messages`, { token: resident, body: { kind: 'image', clientId: randomUUID(), imageId } })
    const answers = await Promise.all([send(), send(), send(), send()])
    expect(answers.map((a) => a.status).sort()).toEqual([201, 400, 400, 400])
    for (const refused of answers.filter((a) => a.status === 400)) {
      expect(refused.body.error).toMatchObject({ code: 'bad_request', message: '这张图片已经发送过了' })
    }
    expect(await t.ds.manager.countBy(Message, { uploadId: imageId })).toBe(1)
    expect(await t.ds.manager.countBy(Message, { conversationId: conv, kind: 'image' })).toBe(1)
  })
})
