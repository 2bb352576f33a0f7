/**
 * The invites module's door: what other modules may use. Everything else in this folder is internal.
 */
export { inviteRoutes } from './routes'
