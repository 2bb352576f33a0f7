/**
 * The officers module's door: what other modules may use. Everything else in this folder is internal.
 */
export { buildingRouting, type BuildingRouting } from './building-routing'
export { buildingsLedBy, dutyDeskNames } from './lookups'
