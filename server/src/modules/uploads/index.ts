/**
 * The uploads module's door: what other modules may use. Everything else in this folder is internal.
 */
export type { Upload } from './entities'
export { uploadRoutes } from './routes'
export { uploadById, uploadsById } from './lookups'
export { claimUploads, photoInUse, retryPendingMediaChecks, toPhoto } from './service'
export { checkText } from './content-check'
