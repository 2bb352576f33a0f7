/**
 * The places module's door: what other modules may use. Everything else in this folder is internal.
 */
export type { Place } from './entities'
export { BuildingAncestors, isWithin, scopeColumn, type ScopeColumn } from './scope'
export { placeById, placesById } from './cache'
