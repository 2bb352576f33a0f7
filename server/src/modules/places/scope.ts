import { Column } from 'typeorm'
import type { PlaceLevel } from '@anju/shared'

/**
 * The place-ancestor columns, written once for the three tables that copy them (place, ticket,
 * conversation) so that "everything under X" is one indexed equality on any of them.
 *
 * Entities extend these classes (TypeORM inherits decorated columns) rather than embed them with
 * `@Column(() => ..., { prefix: false })`: an embedded column keeps its database name but moves its
 * property under the embed (`place.scope.streetId`, `findBy({ scope: { districtId } })`), so every
 * reader and writer of these ids, tests included, would change. Inherited columns stay flat.
 *
 * Made twice from one definition because a place's districtId is null (a district has no district
 * above it) while a ticket's or conversation's is NOT NULL (a building always lies in a district).
 * Nullability lives in the decorator, and TypeScript refuses a subclass that redeclares an inherited
 * property to re-decorate it, so a flag picks it here.
 */
function ancestorColumns<DistrictNullable extends boolean>(districtNullable: DistrictNullable) {
  abstract class Ancestors {
    @Column({ type: 'int', nullable: districtNullable })
    districtId: DistrictNullable extends true ? number | null : number

    @Column({ type: 'int', nullable: true })
    streetId: number | null

    @Column({ type: 'int', nullable: true })
    communityId: number | null

    @Column({ type: 'int', nullable: true })
    gridId: number | null
  }
  return Ancestors
}

/** A place's ancestors; a district has none, so each may be null. */
export const PlaceAncestors = ancestorColumns(true)

/** The ancestors of the building a row is about (a ticket, a conversation): always in a district. */
export const BuildingAncestors = ancestorColumns(false)

/** A column that holds the id of an ancestor: place and conversation rows also carry buildingId. */
export type ScopeColumn = 'districtId' | 'streetId' | 'communityId' | 'gridId' | 'buildingId'

const SCOPE_COLUMNS: Partial<Record<PlaceLevel, ScopeColumn>> = {
  district: 'districtId',
  street: 'streetId',
  community: 'communityId',
  grid: 'gridId',
  building: 'buildingId',
}

/** The column holding an ancestor of this level: "everything under X" is `WHERE <column> = X.id`. Units are no one's ancestor. */
export function scopeColumn(level: PlaceLevel): ScopeColumn | null {
  return SCOPE_COLUMNS[level] ?? null
}

/** Is the place the scope itself or under it? Rows are taken by shape: entities.ts imports this file, not the reverse. */
export function isWithin(place: { id: number } & Record<ScopeColumn, number | null>, scope: { id: number; level: PlaceLevel }): boolean {
  if (place.id === scope.id) return true
  const column = scopeColumn(scope.level)
  return column !== null && place[column] === scope.id
}
