import { emit, on } from '../../events'
import { startTestApp, type TestApp } from '../../test/harness'
import { AuditLog } from '../audit/entities'
import { Conversation } from '../messages/entities'
import { openConversation } from '../messages/test-helpers'
import { Residence } from '../users/entities'
import { BuildingLead } from './entities'

/**
 * 指定楼长民警 moves the building's conversations to the new officer (officers announces
 * buildingLeadChanged, messages follows it in the same transaction); a failing follower fails the
 * assignment whole.
 */
let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

async function residentsBuilding(openid: string) {
  const resident = await t.loginAs(openid)
  const { buildingId } = await t.ds.getRepository(Residence).findOneByOrFail({ userId: resident.user.id })
  return { resident, buildingId }
}

describe('a building gets a new lead officer', () => {
  it("its residents' conversations go to the new officer's inbox", async () => {
    const { resident, buildingId } = await residentsBuilding('demo-resident-1')
    const conversationId = await openConversation(t, resident.accessToken)
    const before = await t.ds.getRepository(BuildingLead).findOneByOrFail({ buildingId })
    const desk = await t.loginAs('demo-dispatcher-2')
    const next = (await t.loginAs('demo-officer-3')).user.id
    const officerOfConversation = async () => (await t.ds.getRepository(Conversation).findOneByOrFail({ id: conversationId })).officerUserId
    expect(await officerOfConversation()).toBe(before.officerUserId)
    expect(next).not.toBe(before.officerUserId)
    const res = await t.call('PUT', '/api/building-leads', { token: desk.accessToken, body: { buildingId, officerUserId: next } })
    expect(res.status).toBe(204)
    expect(await officerOfConversation()).toBe(next)
  })

  it('a follower that throws fails the assignment: the lead and the audit stay as they were', async () => {
    const { buildingId } = await residentsBuilding('demo-resident-5')
    const before = await t.ds.getRepository(BuildingLead).findOneByOrFail({ buildingId })
    const desk = await t.loginAs('demo-dispatcher-2')
    const audits = await t.ds.getRepository(AuditLog).countBy({ action: 'building_lead.assign' })
    const off = on('buildingLeadChanged', async () => {
      throw new Error('follower failed')
    })
    try {
      const other = (await t.loginAs('demo-officer-5')).user.id
      const res = await t.call('PUT', '/api/building-leads', { token: desk.accessToken, body: { buildingId, officerUserId: other } })
      expect(res.status).toBe(500)
    } finally {
      off()
    }
    expect((await t.ds.getRepository(BuildingLead).findOneByOrFail({ buildingId })).officerUserId).toBe(before.officerUserId)
    expect(await t.ds.getRepository(AuditLog).countBy({ action: 'building_lead.assign' })).toBe(audits)
  })
})

describe('domain events', () => {
  it('run a handler once however often it subscribed, in order, in the caller’s transaction', async () => {
    const seen: string[] = []
    const first = async () => void seen.push('first')
    const second = async () => void seen.push('second')
    const offs = [on('buildingLeadChanged', first), on('buildingLeadChanged', first), on('buildingLeadChanged', second)]
    try {
      await t.ds.transaction((em) => emit('buildingLeadChanged', { buildingId: 0, officerUserId: 0, previousOfficerUserId: null }, em))
    } finally {
      offs.forEach((off) => off())
    }
    expect(seen).toEqual(['first', 'second'])
  })
})
