import jwt from 'jsonwebtoken'
import type { AppContext } from '../../context'
import { AppError } from '../../errors/app-error'
import { verifyAccessToken } from '../../middleware/auth'
import type { SocketHooks } from '../../realtime'
import { userExists } from '../users'
import { acknowledge } from './receipts'
import { socketTopics } from './topics'

/** What the realtime layer needs from the rest of the server: who a token is, what they hear, where acks go. */
export function socketHooks(app: AppContext): SocketHooks {
  return {
    authenticate: async (token) => {
      const user = verifyAccessToken(app.config.jwtSecret, token)
      // A token outlives a deleted account by minutes; one look-up per connection (not per frame) settles it.
      if (!(await userExists(app.ds.manager, user.id))) throw new AppError(401, 'unauthenticated', '账号不存在或已注销，请重新登录')
      const exp = (jwt.decode(token) as { exp?: number } | null)?.exp ?? 0
      return { user, topics: await socketTopics(app.ds.manager, user), expiresAt: exp * 1000 }
    },
    acknowledge: (user, conversationId, seq) => acknowledge(app, user, conversationId, seq),
  }
}
