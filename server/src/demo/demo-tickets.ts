import { randomUUID } from 'node:crypto'
import { createTicketSchema, ticketActionInputSchema, type TicketActionInput } from '@anju/shared'
import type { AppContext } from '../context'
import { activeCategories, hasTickets, submitTicket, takeTicketAction } from '../modules/tickets'
import { getUser, residencesOf, usersByOpenid } from '../modules/users'

/** The demo residents who report, in the order their stories are dealt out. */
const RESIDENTS = [1, 2, 3, 5, 6].map((i) => `demo-resident-${i}`)

/** An action as the demo takes it; each step gets its own clientKey, as each tap in the app would. */
type Tap = TicketActionInput extends infer T ? (T extends unknown ? Omit<T, 'clientKey'> : never) : never

const STORIES: Array<[string, string]> = [
  ['消防安全', '楼道里堆满了纸箱和旧家具，挡住了消防通道'],
  ['消防安全', '地下室有人私拉电线给电动车充电'],
  ['治安隐患', '小区东门的门禁坏了好几天，外来人员随便进出'],
  ['交通安全', '小区门口路灯不亮，晚上车辆经过很危险'],
  ['燃气用电', '楼下饭店的燃气管道锈得厉害'],
  ['高空坠物', '5楼阳台的花盆摆在栏杆外面，怕掉下来砸到人'],
  ['私搭乱建', '一楼住户在绿地上搭了个棚子'],
  ['邻里纠纷', '楼上每天夜里十二点以后还在装修，影响休息'],
  ['物业纠纷', '物业收了停车费，车位却总被外来车辆占用'],
  ['家庭纠纷', '邻居家老两口经常吵架，担心老人安全'],
]

/**
 * A month of tickets for the demo district, made through the same services residents and officers
 * use, with the clock set back: the workbench, the desk alerts and the statistics have something
 * to show on first start. Only `npm start`'s demo mode calls this; tests start from no tickets.
 */
export async function seedDemoTickets(app: AppContext, now = new Date()): Promise<number> {
  const em = app.ds.manager
  if (await hasTickets(em)) return 0
  const demoResidents = await usersByOpenid(em, RESIDENTS)
  const residents = demoResidents.filter((u) => u.role === 'resident').sort((a, b) => a.id - b.id)
  const residentIds = residents.map((r) => r.id)
  const residences = await residencesOf(em, residentIds)
  const homes = new Map(residences.map((r) => [r.userId, r.buildingId]))
  const categories = await activeCategories(em)
  const [desk] = await usersByOpenid(em, ['demo-dispatcher-2'])
  if (!desk) throw new Error('the demo dispatcher is missing: seed the demo district first')
  let clock = now
  const at = { ...app, now: () => clock }
  let made = 0
  const ageHours = (i: number) => (i < 4 ? 1 + i : 24 * (1 + ((i * 7) % 29)) + (i % 9))
  // Oldest first, so ticket numbers rise with time as they do in use.
  const order = Array.from({ length: 36 }, (_, i) => i).sort((a, b) => ageHours(b) - ageHours(a))
  for (const i of order) {
    const resident = residents[i % residents.length]!
    const [categoryName, description] = STORIES[i % STORIES.length]!
    const category = categories.find((c) => c.name === categoryName)!
    clock = new Date(now.getTime() - ageHours(i) * 3600_000)
    const receipt = await submitTicket(
      at,
      { id: resident.id, role: 'resident' },
      createTicketSchema.parse({
        clientKey: randomUUID(),
        kind: category.kind,
        categoryId: category.id,
        description,
        location: { type: 'building', buildingId: homes.get(resident.id)! },
        subscribed: [],
      }),
    )
    made++
    if (i < 4) continue // the newest stay waiting: the sweep will show them as due or overdue
    const id = receipt.ticket.id
    const handlerId = receipt.ticket.handler?.userId
    const staff = handlerId ? await getUser(em, handlerId) : desk
    const as = { id: staff.id, role: staff.role }
    const step = async (minutes: number, input: Tap) => {
      clock = new Date(clock.getTime() + minutes * 60_000)
      if (clock > now) clock = now
      await takeTicketAction(at, as, id, ticketActionInputSchema.parse({ clientKey: randomUUID(), ...input }))
    }
    await step(5 + (i % 4) * 15, { action: 'accept' })
    if (i % 6 === 5) continue
    await step(60, { action: 'note', text: '已联系居民，约好上门查看', visibility: 'public' })
    await step(i % 5 === 0 ? 3000 : 180 + i * 10, { action: 'resolve', result: '已到现场处理，隐患已消除，并对相关人员进行了宣传教育' })
    if (i % 4 === 3) continue
    as.id = resident.id
    as.role = 'resident'
    await step(120, { action: 'rate', rating: i % 11 === 0 ? 'dissatisfied' : i % 3 === 0 ? 'basically_satisfied' : 'satisfied' })
  }
  return made
}
