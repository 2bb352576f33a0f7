/**
 * The auth module's door: what other modules may use. Everything else in this folder is internal.
 */
export { authRoutes } from './routes'
export { issueTokens, revokeAllForUser } from './tokens'
