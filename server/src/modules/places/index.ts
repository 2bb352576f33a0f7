/**
 * The places module's door: what other modules may use. Everything else in this folder is internal.
 */
export type { Place } from './entities'
export { BuildingAncestors, isWithin, scopeColumn, type ScopeColumn } from './scope'
export { placeById, placesById } from './cache'
export { placeRoutes } from './routes'
export {
  buildingsWithinSubquery,
  countBuildingsWithin,
  findBuilding,
  findBuildingsInListOrder,
  findPlace,
  findPlaceOrFail,
  findPlaces,
  findUnitOfBuilding,
} from './lookups'
export { importPlaces, type ImportOptions, type PlaceRecords } from './import'
export type { PlaceImportExtension } from './import-batch'
export { emptyCsv, PLACE_CSV_MAX_BYTES, placeCsvFileRecords, withRequestBodyFile } from './import-csv'
export { buildingQrSvg } from './qr-sign'
export { buildingIdsWithin, placeIdsNamedLike } from './place-ids'
export { buildingByCodeOrFail, findDistrictByName, firstUnitOf, streetsOf } from './seeding'
export { placesWithinSubquery } from './within'
export { anyDistrict } from './districts'
