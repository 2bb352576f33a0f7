import { deliverOutbox } from '../../jobs/outbox-delivery'
import { OutboxMessage } from '../../modules/notifications/entities'
import { queueSubscribeMessage } from '../../modules/notifications/outbox'
import { User } from '../../modules/users/entities'
import { startTestApp, type TestApp } from '../../test/harness'

/**
 * WeChat busy (-1) or over its minute quota (45011) is one error on every WeChat call (client.ts);
 * for a subscribe message that means the outbox keeps the row and sends it on a later round.
 */
let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

const fault = (body: object) =>
  fetch(`${t.standin.url}/dev/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })

it.each([-1, 45011])('errcode %i: the message is kept for a later round, then sent once', async (errcode) => {
  const resident = await t.ds.manager.findOneByOrFail(User, { openid: 'demo-resident-1' })
  const dedupeKey = `busy-test:${errcode}`
  const payload = { type: 'message', conversationId: 1, senderName: '王建国', preview: '您好，已收到', at: t.clock.now.toISOString() }
  await queueSubscribeMessage(t.ds.manager, { dedupeKey, recipientUserId: resident.id, payload, now: t.clock.now })
  await fault({ subscribeErrcodes: [errcode] })

  expect(await deliverOutbox(t.ctx)).toMatchObject({ sent: 0, retried: 1 })
  expect(await t.ds.manager.findOneByOrFail(OutboxMessage, { dedupeKey })).toMatchObject({
    status: 'failed',
    attempts: 1,
    lastError: expect.stringContaining(String(errcode)),
  })

  t.clock.now = new Date(t.clock.now.getTime() + 2 * 60_000)
  expect(await deliverOutbox(t.ctx)).toMatchObject({ sent: 1 })
  expect(await t.ds.manager.findOneByOrFail(OutboxMessage, { dedupeKey })).toMatchObject({ status: 'sent', attempts: 2 })
})
