import { startTestApp, type TestApp } from '../../test/harness'
import { Place } from '../places/entities'
import { BuildingLead } from './entities'

/** Two desks naming a lead for a building that has none, at the same moment: both are answered, one lead stands. */
let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

describe('楼长民警 assigned twice at once', () => {
  it('both answer 204 and the building has exactly one lead, one of the two officers', async () => {
    const [desk1, desk2] = [await t.loginAs('demo-dispatcher-1'), await t.loginAs('demo-dispatcher-1')]
    const officers = [(await t.loginAs('demo-officer-1')).user.id, (await t.loginAs('demo-officer-2')).user.id]
    const building = await t.ds.getRepository(Place).findOneByOrFail({ code: 'QS-113-01' })
    await t.ds.getRepository(BuildingLead).delete({ buildingId: building.id })
    const assign = (token: string, officerUserId: number) =>
      t.call('PUT', '/api/building-leads', { token, body: { buildingId: building.id, officerUserId } })
    const answers = await Promise.all([assign(desk1.accessToken, officers[0]!), assign(desk2.accessToken, officers[1]!)])
    expect(answers.map((a) => a.status)).toEqual([204, 204])
    const leads = await t.ds.getRepository(BuildingLead).findBy({ buildingId: building.id })
    expect(leads).toHaveLength(1)
    expect(officers).toContain(leads[0]!.officerUserId)
  })
})
