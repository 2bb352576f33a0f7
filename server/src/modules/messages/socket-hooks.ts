import jwt from 'jsonwebtoken'
import type { AppContext } from '../../context'
import { verifyAccessToken } from '../../middleware/auth'
import type { SocketHooks } from '../../realtime'
import { acknowledge } from './receipts'
import { socketTopics } from './topics'

/** What the realtime layer needs from the rest of the server: who a token is, what they hear, where acks go. */
export function socketHooks(app: AppContext): SocketHooks {
  return {
    authenticate: async (token) => {
      const user = verifyAccessToken(app.config.jwtSecret, token)
      const exp = (jwt.decode(token) as { exp?: number } | null)?.exp ?? 0
      return { user, topics: await socketTopics(app.ds.manager, user), expiresAt: exp * 1000 }
    },
    acknowledge: (user, conversationId, seq) => acknowledge(app, user, conversationId, seq),
  }
}
