/**
 * The officers module's door: what other modules may use. Everything else in this folder is internal.
 */
export { buildingRouting, type BuildingRouting } from './building-routing'
export type { BuildingLead, DutyDesk, OfficerProfile } from './entities'
export { officerRoutes } from './routes'
export { staffReach, reaches } from './scopes'
export { buildingLeadCardFor, officerOf, officersLeading, toOfficerCard } from './cards'
export { coveringDutyDesk } from './desk-cover'
export { enrolOfficer } from './profiles'
export { importBuildings } from './building-import'
export { buildingsLedBy, dutyDeskNames } from './lookups'
export { addDutyDesks, saveOfficerProfile, setOfficerStation } from './seeding'
export { leadCountsWithin, leadsBuilding } from './leads'
export { deskIdsWithin } from './desks'
export { officerStation } from './stations'
