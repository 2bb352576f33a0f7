import { startTestApp, type TestApp } from '../../test/harness'
import { Message } from '../messages/entities'
import { openConversation, sendText } from '../messages/test-helpers'
import { Ticket } from '../tickets/entities'
import { categoryId, homeBuildingId, reportBody, tokensFor } from '../tickets/test-helpers'
import { User } from './entities'

/** The text rules of shared/src/text.ts, as the API applies them: refused with 400, nothing stored. */
let t: TestApp
let tok: Record<string, string>
beforeAll(async () => {
  t = await startTestApp()
  tok = await tokensFor(t, 'demo-resident-1', 'demo-resident-2')
})
afterAll(() => t.close())

const RLO = '\u202E'
const ZWSP = '\u200B'

describe('a resident’s name', () => {
  const nameOf = async (token: string) => (await t.call('GET', '/api/me', { token })).body.user.name as string

  it.each([
    ['a staff title', '值班民警', '称呼不能使用'],
    ['a title with spaces between', '民 警 张伟', '称呼不能使用'],
    ['a right-to-left override', `${RLO}民警张伟`, '看不见的特殊字符'],
    ['only zero-width spaces', ZWSP.repeat(3), '称呼不能为空'],
  ])('PATCH /api/me refuses %s with 400 validation_failed and keeps the old name', async (_, name, words) => {
    const token = tok['demo-resident-1']!
    const before = await nameOf(token)
    const res = await t.call('PATCH', '/api/me', { token, body: { name } })
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe('validation_failed')
    expect(res.body.error.message).toContain(words)
    expect(await nameOf(token)).toBe(before)
  })

  it('an ordinary name is stored trimmed of invisible edges', async () => {
    const res = await t.call('PATCH', '/api/me', { token: tok['demo-resident-1'], body: { name: `\u3000张大妈${ZWSP}` } })
    expect(res.status).toBe(200)
    const me = (await t.call('GET', '/api/me', { token: tok['demo-resident-1'] })).body
    expect(await t.ds.manager.findOneByOrFail(User, { id: me.user.id })).toMatchObject({ name: '张大妈' })
  })
})

describe('a staff member’s name', () => {
  // Staff join with their real name as the invite gave it, and a title on a badge is allowed there.
  it.each([
    ['an officer', 'demo-officer-1'],
    ['a duty desk', 'demo-dispatcher-1'],
  ])('%s whose name carries a staff title can save their profile again; a resident with the same name cannot', async (_, openid) => {
    const token = (await t.loginAs(openid)).accessToken
    const me = (await t.call('GET', '/api/me', { token })).body
    await t.ds.manager.update(User, { id: me.user.id }, { name: '值班民警王强' })
    const saved = await t.call('PATCH', '/api/me', { token, body: { name: '值班民警王强' } })
    expect(saved.status).toBe(200)
    expect(saved.body.user.name).toBe('值班民警王强')
    const resident = await t.call('PATCH', '/api/me', { token: tok['demo-resident-2'], body: { name: '值班民警王强' } })
    expect(resident.status).toBe(400)
    expect(resident.body.error).toMatchObject({ code: 'validation_failed', message: expect.stringContaining('称呼不能使用') })
  })

  it('staff names still follow the text rules: no invisible characters, not empty', async () => {
    const token = (await t.loginAs('demo-officer-2')).accessToken
    for (const name of [`${RLO}民警张伟`, ZWSP.repeat(2)]) {
      const res = await t.call('PATCH', '/api/me', { token, body: { name } })
      expect(res.status).toBe(400)
      expect(res.body.error.code).toBe('validation_failed')
    }
  })
})

describe('message and ticket texts', () => {
  it.each([
    ['only zero-width characters', `${ZWSP}\u200C\uFEFF`],
    ['a bidi override inside', `请回电${RLO}话`],
    ['a control character', '你好\u0007'],
  ])('a message of %s is refused and not stored', async (_, text) => {
    const conversation = await openConversation(t, tok['demo-resident-2']!)
    const before = await t.ds.manager.countBy(Message, { conversationId: conversation })
    const res = await sendText(t, tok['demo-resident-2']!, conversation, text)
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe('validation_failed')
    expect(await t.ds.manager.countBy(Message, { conversationId: conversation })).toBe(before)
  })

  it.each([
    ['only zero-width characters', `${ZWSP}${ZWSP}\u3000`],
    ['a right-to-left override', `楼道堆满杂物${RLO}物杂`],
  ])('a ticket description of %s is refused and no ticket is made', async (_, description) => {
    const token = tok['demo-resident-2']!
    const fire = await categoryId(t, token, 'hazard', '消防安全')
    const body = reportBody(fire, { description, location: { type: 'building', buildingId: await homeBuildingId(t, token) } })
    const res = await t.call('POST', '/api/tickets', { token, body })
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe('validation_failed')
    expect(await t.ds.manager.countBy(Ticket, { clientKey: body.clientKey })).toBe(0)
  })
})
