/**
 * The audit module's door: what other modules may use. Everything else in this folder is internal.
 */
export { recordAudit } from './service'
