/**
 * The messages module's door: what other modules may use. Everything else in this folder is internal.
 */
export {}
export { followBuildingLead } from './lead-changed'
