import { randomUUID } from 'node:crypto'
import { createNoticeSchema } from '@anju/shared'
import type { AppContext } from '../context'
import { createNotice, noticesExist, openConversation, sendMessage } from '../modules/messages'
import { usersByOpenid } from '../modules/users'

const NOTICES = [
  {
    kind: 'anti_fraud',
    title: '警惕冒充客服退款诈骗',
    body: '近期辖区多名居民接到冒充电商客服的电话，以“商品质量问题退款”为由索要银行卡号和验证码。请记住：正规客服不会索要验证码，更不会让您转账。如有疑问，请先给楼长民警留言或拨打96110。',
  },
  {
    kind: 'safety',
    title: '电动车请勿进楼道充电',
    body: '冬季是火灾高发期。电动车在楼道、家中充电极易引发火灾，请到小区充电桩充电。发现楼道内有电动车充电，可直接在“隐患上报”中上报。',
  },
] as const

/**
 * The demo's messages: the first officer's notices to their buildings, and one resident who has
 * already written to them, so that 消息 has something to show on first start. Made through the
 * same services the app uses; only `npm start`'s demo mode calls this.
 */
export async function seedDemoMessages(app: AppContext): Promise<number> {
  const em = app.ds.manager
  if (await noticesExist(em)) return 0
  const people = await usersByOpenid(em, ['demo-officer-1', 'demo-resident-6'])
  const officer = people.find((u) => u.openid === 'demo-officer-1')
  const resident = people.find((u) => u.openid === 'demo-resident-6')
  if (!officer || !resident) throw new Error('the demo district has no demo-officer-1 or demo-resident-6: seed it first')
  const asOfficer = { id: officer.id, role: officer.role }
  for (const notice of NOTICES)
    await createNotice(app, asOfficer, createNoticeSchema.parse({ ...notice, clientId: randomUUID(), buildingIds: 'all' }))
  const conversation = await openConversation(app, { id: resident.id, role: 'resident' })
  await sendMessage(app, { id: resident.id, role: 'resident' }, conversation.id, {
    kind: 'text',
    clientId: randomUUID(),
    text: '您好，我家楼下的路灯坏了好几天，晚上出门不太方便，麻烦看看。',
  })
  return NOTICES.length
}
