import { emit, on } from '../../events'
import { startTestApp, type TestApp } from '../../test/harness'
import { AuditLog } from '../audit/entities'
import { Conversation } from '../messages/entities'
import { openConversation, sendText } from '../messages/test-helpers'
import { Place } from '../places/entities'
import { Residence, User } from '../users/entities'
import { BuildingLead, OfficerProfile } from './entities'

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

describe("the places import names a building's lead", () => {
  /** The building's row as the CSV has it (its ancestors' names, its units), naming `policeNumber` as its lead. */
  async function csvRow(buildingId: number, policeNumber: string): Promise<string> {
    const building = await t.ds.getRepository(Place).findOneByOrFail({ id: buildingId })
    const names = await Promise.all(
      [building.districtId, building.streetId, building.communityId, building.gridId].map(
        async (id) => (await t.ds.getRepository(Place).findOneByOrFail({ id: id! })).name,
      ),
    )
    const units = await t.ds.getRepository(Place).countBy({ parentId: building.id, level: 'unit' })
    return [...names, building.code, building.name, building.address ?? '', units, policeNumber].join(',')
  }

  const inboxOf = async (officerUserId: number) => {
    const { openid } = await t.ds.getRepository(User).findOneByOrFail({ id: officerUserId })
    const res = await t.call('GET', '/api/conversations?limit=50', { token: (await t.loginAs(openid)).accessToken })
    expect(res.status).toBe(200)
    return res.body.items.map((c: { id: number }) => c.id)
  }

  it("moves the building's conversations to the new officer's inbox, also where it names the first lead", async () => {
    const changed = await residentsBuilding('demo-resident-6')
    const firstLead = await residentsBuilding('demo-resident-3')
    expect(await t.ds.getRepository(BuildingLead).existsBy({ buildingId: firstLead.buildingId })).toBe(false)
    const conversations: number[] = []
    for (const { resident } of [changed, firstLead]) {
      const id = await openConversation(t, resident.accessToken)
      expect((await sendText(t, resident.accessToken, id, '楼道灯坏了')).status).toBe(201)
      conversations.push(id)
    }
    const before = await t.ds.getRepository(BuildingLead).findOneByOrFail({ buildingId: changed.buildingId })
    const next = (await t.ds.getRepository(OfficerProfile).find()).find((o) => o.userId !== before.officerUserId)!
    expect(await inboxOf(before.officerUserId)).toContain(conversations[0])

    const admin = await t.loginAs('demo-admin')
    const header = 'district,street,community,grid,building_code,building,address,units,officer_police_number'
    const rows = [await csvRow(changed.buildingId, next.policeNumber), await csvRow(firstLead.buildingId, next.policeNumber)]
    const res = await t.call('POST', '/api/places/import', {
      token: admin.accessToken,
      raw: [header, ...rows].join('\n'),
      contentType: 'text/csv',
    })
    expect(res.body).toMatchObject({ rows: 2, created: 0, updated: 2, errorCount: 0 })

    const inbox = await inboxOf(next.userId)
    expect(inbox).toEqual(expect.arrayContaining(conversations))
    expect(await inboxOf(before.officerUserId)).not.toContain(conversations[0])
  })
})

describe('domain events', () => {
  it('run a handler once however often it subscribed, in order, in the caller’s transaction', async () => {
    const seen: string[] = []
    const first = async () => void seen.push('first')
    const second = async () => void seen.push('second')
    const offs = [on('buildingLeadChanged', first), on('buildingLeadChanged', first), on('buildingLeadChanged', second)]
    try {
      await t.ds.transaction((em) => emit('buildingLeadChanged', { buildingIds: [], officerUserId: 0 }, em))
    } finally {
      offs.forEach((off) => off())
    }
    expect(seen).toEqual(['first', 'second'])
  })
})
