/**
 * The users module's door: what other modules may use. Everything else in this folder is internal.
 */
export type { User } from './entities'
export { userById } from './lookups'
export { openidOf } from './openids'
export { userExists, usersByOpenid } from './account-lookups'
export { userIdsNamedLike, userNames } from './names'
export { countResidents, residenceOf } from './residences'
