/**
 * TEMPORARY, while tickets and messages move to officers' index ('../officers'): the old names,
 * now split by concern into cards, desk-cover, desk-overview, scopes, permissions,
 * lead-assignment and profiles. Deleted once nothing imports it.
 */
export { buildingLeadCardFor, officerOverview, officersLeading, toOfficerCard } from './cards'
export { coveringDutyDesk } from './desk-cover'
export { deskOverview } from './desk-overview'
export { assignBuildingLead } from './lead-assignment'
export { mayManageBuilding } from './permissions'
export { updateOfficerProfile } from './profiles'
export { reaches, staffReach, type StaffReach } from './scopes'
