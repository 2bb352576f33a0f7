import type { CannedReplies } from '@anju/shared'
import { DEFAULT_CANNED_REPLIES } from '@anju/shared'
import type { AppContext } from '../../context'
import type { AuthUser } from '../../middleware/auth'
import { CannedReplyList } from './entities'

/** 常用语: the staff member's own list, or the defaults until they edit it. */
export async function cannedReplies(app: AppContext, user: AuthUser): Promise<CannedReplies> {
  const row = await app.ds.manager.findOneBy(CannedReplyList, { userId: user.id })
  return { items: row ? row.items : [...DEFAULT_CANNED_REPLIES] }
}

export async function saveCannedReplies(app: AppContext, user: AuthUser, input: CannedReplies): Promise<CannedReplies> {
  await app.ds.manager.upsert(CannedReplyList, { userId: user.id, items: input.items }, ['userId'])
  return { items: input.items }
}
