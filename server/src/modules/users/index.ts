/**
 * The users module's door: what other modules may use. Everything else in this folder is internal.
 */
export type { User } from './entities'
export {
  currentUserNames,
  ensureUser,
  findOrCreateResidentByOpenid,
  findResident,
  getUser,
  makeStaff,
  openidExists,
  openidOf,
  setScopePlace,
  userById,
  userExists,
  userIdsNamedLike,
  userNames,
  usersByIds,
  usersByOpenid,
  usersByOpenidPrefix,
} from './accounts'
export { countResidents, countResidentsIn, residenceOf, residencesOf, residentCountsByBuilding, saveResidence } from './residences'
export { userRoutes } from './routes'
