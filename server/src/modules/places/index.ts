/**
 * The places module's door: what other modules may use. Everything else in this folder is internal.
 */
export type { Place } from './entities'
export { BuildingAncestors, isWithin, scopeColumn } from './scope'
export {
  anyDistrict,
  buildingByCodeOrFail,
  findBuilding,
  findBuildingsInListOrder,
  findDistrictByName,
  findPlace,
  findPlaceOrFail,
  findPlaces,
  findUnitOfBuilding,
  firstUnitOf,
  streetsOf,
} from './lookups'
export { placeById, placesById } from './cache'
export { buildingIdsWithin, buildingsWithinSubquery, countBuildingsWithin, placesWithinSubquery } from './within'
export { placeIdsNamedLike } from './repository'
export { buildingQrSvg } from './qr-sign'
export { importPlaces, type ImportOptions, type PlaceRecords } from './import'
export type { PlaceImportExtension } from './import-batch'
export { emptyCsv, PLACE_CSV_MAX_BYTES, placeCsvFileRecords, withRequestBodyFile } from './import-csv'
export { placeRoutes } from './routes'
