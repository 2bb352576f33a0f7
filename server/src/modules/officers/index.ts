/**
 * The officers module's door: what other modules may use. Everything else in this folder is internal.
 */
export { reaches, staffReach } from './scopes'
export { buildingLeadCardFor, officerOf, officersLeading, toOfficerCard } from './cards'
export { enrolOfficer, officerStation, saveOfficerProfile, setOfficerStation } from './profiles'
export { buildingsLedBy, leadCountsWithin, leadsBuilding } from './leads'
export { addDutyDesks, coveringDutyDesk, deskIdsWithin, dutyDeskNames } from './desks'
export { buildingRouting } from './building-routing'
export { importBuildings } from './building-import'
export { officerRoutes } from './routes'
