/**
 * The users module's door: what other modules may use. Everything else in this folder is internal.
 */
export type { User } from './entities'
export { currentUserNames, userById } from './lookups'
export { openidOf } from './openids'
export { userExists, usersByOpenid } from './account-lookups'
export { userIdsNamedLike, userNames } from './names'
export { countResidents, residenceOf } from './residences'
export type { Residence } from './entities'
export { userRoutes } from './routes'
export { findOrCreateResidentByOpenid, getUser, makeStaff, openidExists, usersByIds, usersByOpenidPrefix } from './accounts'
export { countResidentsIn, findResident, residencesOf, residentCountsByBuilding } from './residents'
export { ensureUser, saveResidence, setScopePlace } from './seeding'
