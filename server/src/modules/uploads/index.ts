/**
 * The uploads module's door: what other modules may use. Everything else in this folder is internal.
 */
export {}
export { uploadById, uploadsById } from './lookups'
export type { Upload } from './entities'
export { retryPendingMediaChecks, toPhoto } from './service'
export { checkText } from './content-check'
