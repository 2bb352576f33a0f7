import { IsNull, LessThan } from 'typeorm'
import type { AppContext } from '../../context'
import { claimStep } from '../../db/claim'
import { buildingRouting } from '../officers'
import { placeById } from '../places'
import { appendMessages, publishMessages, systemNote, wholeSeconds } from './append'
import { Conversation } from './entities'
import { toMessages } from './view'

/**
 * The job's part: a resident who has waited longer than the reply time without an answer is
 * handed to the duty desk covering the building, and told so. Each conversation is claimed with
 * a conditional UPDATE, so two instances sweeping at once hand it over once.
 */
export async function coverUnanswered(app: AppContext): Promise<number> {
  const em = app.ds.manager
  const now = wholeSeconds(app.now())
  const before = new Date(now.getTime() - app.config.messages.replyMinutes * 60_000)
  const due = await em.find(Conversation, {
    where: { awaitingSince: LessThan(before), deskCoverSince: IsNull() },
    order: { awaitingSince: 'ASC' },
    take: 50,
  })
  let handed = 0
  for (const c of due) {
    const building = await placeById(em, c.buildingId)
    const desk = building ? (await buildingRouting(em, building)).desk : null
    const rows = await app.ds.transaction(async (tx) => {
      // The exact awaitingSince read is the condition: an answer (or a newer message) since then changes it.
      const claimed = await claimStep(
        tx,
        Conversation,
        { id: c.id, deskCoverSince: IsNull(), awaitingSince: c.awaitingSince! },
        { deskCoverSince: now, deskCoverReason: 'no_reply', deskId: desk?.id ?? null, deskUnread: c.officerUnread },
      )
      if (!claimed) return null
      const text = `民警暂未回复，${desk ? desk.name : '值班台'}已接手您的消息，值班民警会尽快回复。紧急情况请直接拨打110。`
      return appendMessages(tx, c.id, [systemNote(text)], now)
    })
    if (!rows) continue
    handed++
    await publishMessages(app, c, await toMessages(app, em, rows), { coverChanged: true })
  }
  return handed
}
