/**
 * The messages module's door: what other modules may use. Everything else in this folder is internal.
 */
export { followBuildingLead } from './lead-changed'
export { messageRoutes } from './routes'
export { socketHooks } from './socket-hooks'
export { coverUnanswered } from './cover'
export type { MessageNotice } from './notify'
export { openConversation } from './conversations'
export { createNotice, noticesExist } from './notices'
export { sendMessage } from './send'
