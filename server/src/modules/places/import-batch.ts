import { In, IsNull, type EntityManager } from 'typeorm'
import type { PlaceCsvRow, PlaceLevel } from '@anju/shared'
import { Place } from './entities'

/**
 * Writes one batch of checked rows in a few statements: the batch's buildings and units (and
 * what an extension adds) are read with one query each and the new ones inserted together, so a
 * batch of a few hundred rows costs a handful of round trips, not several per row. The caller
 * runs it in a transaction.
 */

/**
 * What a module above places imports from the same rows, in the same checks and the same
 * transactions (officers: each building's lead officer), without places knowing it.
 */
export interface PlaceImportExtension {
  /** Why a parsed row cannot be imported, or null; asked after the row's own checks, before its scope. */
  check(row: PlaceCsvRow): string | null
  /**
   * Writes its part of a batch after the batch's places, in the batch's transaction; `buildingIds`
   * are by row (null for a row that failed). Returns the rows it changed something for.
   */
  write(em: EntityManager, rows: readonly PlaceCsvRow[], buildingIds: ReadonlyArray<number | null>): Promise<number[]>
}

export const ANCESTORS = ['district', 'street', 'community', 'grid'] as const
export type AncestorLevel = (typeof ANCESTORS)[number]

export interface ValidRow extends PlaceCsvRow {
  line: number
}

export type Outcome = 'created' | 'updated' | 'unchanged' | { error: string }

/** Places above buildings by (parent, name): a city has a few thousand, so the import keeps them all. */
export type AncestorMap = Map<string, Place>

const INSERT_CHUNK = 500
const key = (parentId: number | null, name: string) => `${parentId ?? 0}|${name}`
type PlaceFields = Omit<Place, 'id' | 'createdAt' | 'updatedAt'>

export async function loadAncestors(em: EntityManager): Promise<AncestorMap> {
  const places = await em.find(Place, { where: { level: In([...ANCESTORS]) } })
  return new Map(places.map((p) => [key(p.parentId, p.name), p]))
}

export async function writeBatch(
  em: EntityManager,
  rows: readonly ValidRow[],
  ancestors: AncestorMap,
  extension?: PlaceImportExtension,
): Promise<Outcome[]> {
  const outcomes: Outcome[] = []
  const grids: Array<Place | null> = []
  for (const row of rows) {
    const grid = await resolveAncestors(em, row, ancestors)
    grids.push('error' in grid ? null : grid)
    outcomes.push('error' in grid ? grid : 'unchanged')
  }
  const gridIds = [...new Set(grids.flatMap((g) => (g ? [g.id] : [])))]
  if (gridIds.length === 0) return outcomes

  // Buildings the batch names by code, and everything already under its grids (for same-name clashes).
  const near = await em.find(Place, { where: [{ code: In(rows.map((r) => r.building_code)) }, { parentId: In(gridIds) }] })
  const byCode = new Map(near.filter((p) => p.code).map((p) => [p.code!, p]))
  const byGridName = new Map(near.map((p) => [key(p.parentId, p.name), p]))
  const buildings: Array<Place | null> = []
  const created: Place[] = []
  for (const [i, row] of rows.entries()) {
    const grid = grids[i]
    if (!grid) {
      buildings.push(null)
      continue
    }
    const existing = byCode.get(row.building_code)
    const clash = byGridName.get(key(grid.id, row.building))
    if (clash && clash.code !== row.building_code) {
      outcomes[i] = { error: `${row.grid} 下已有同名楼栋 ${row.building}（编码 ${clash.code}）` }
      buildings.push(null)
      continue
    }
    const fields: PlaceFields = {
      level: 'building',
      name: row.building,
      parentId: grid.id,
      rootName: null,
      code: row.building_code,
      address: row.address || null,
      districtId: grid.districtId,
      streetId: grid.streetId,
      communityId: grid.communityId,
      gridId: grid.id,
      buildingId: null,
    }
    let building: Place
    if (!existing) {
      building = { ...fields, id: 0, createdAt: new Date(), updatedAt: new Date() } // id once inserted, below
      created.push(building)
      outcomes[i] = 'created'
    } else {
      const changed = (Object.keys(fields) as Array<keyof PlaceFields>).some((k) => existing[k] !== fields[k])
      if (changed) {
        byGridName.delete(key(existing.parentId, existing.name))
        await em.update(Place, { id: existing.id }, fields)
        Object.assign(existing, fields)
      }
      building = existing
      outcomes[i] = changed ? 'updated' : 'unchanged'
    }
    byCode.set(row.building_code, building)
    byGridName.set(key(grid.id, building.name), building)
    buildings.push(building)
  }
  await insertBuildings(em, created)

  const touched = (i: number) => {
    if (outcomes[i] === 'unchanged') outcomes[i] = 'updated'
  }
  const addedUnits = await ensureUnits(em, rows, buildings, new Set(created))
  const buildingIds = buildings.map((b) => b?.id ?? null)
  const extended = extension ? await extension.write(em, rows, buildingIds) : []
  for (const i of [...addedUnits, ...extended]) touched(i)
  return outcomes
}

/** The row's grid, creating the district, street, community and grid it names when they are new. */
async function resolveAncestors(em: EntityManager, row: ValidRow, ancestors: AncestorMap): Promise<Place | { error: string }> {
  const ids: Partial<Record<PlaceLevel, number>> = {}
  let parent: Place | null = null
  for (const level of ANCESTORS) {
    const name = row[level]
    let place = ancestors.get(key(parent?.id ?? null, name))
    if (!place) {
      // Not a known ancestor: another import may have made it since, or the name is taken under this parent by another level.
      const other: Place | null = await em.findOneBy(Place, parent ? { parentId: parent.id, name } : { parentId: IsNull(), name })
      if (other) ancestors.set(key(parent?.id ?? null, name), (place = other))
    }
    if (place && place.level !== level) return { error: `${name} 已作为其他层级存在` }
    if (!place) {
      const fields: PlaceFields = {
        level,
        name,
        parentId: parent?.id ?? null,
        rootName: parent ? null : name,
        code: null,
        address: null,
        districtId: ids.district ?? null,
        streetId: ids.street ?? null,
        communityId: ids.community ?? null,
        gridId: ids.grid ?? null,
        buildingId: null,
      }
      const result = await em.insert(Place, fields)
      place = { ...fields, id: Number(result.identifiers[0]?.id ?? result.raw?.insertId), createdAt: new Date(), updatedAt: new Date() }
      ancestors.set(key(place.parentId, name), place)
    }
    ids[level] = place.id
    parent = place
  }
  return parent!
}

/** Inserts in chunks, without reading the rows back (the ids, where needed, are read by code). */
async function insertPlaces(em: EntityManager, rows: PlaceFields[]): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    await em
      .createQueryBuilder()
      .insert()
      .into(Place)
      .values(rows.slice(i, i + INSERT_CHUNK))
      .updateEntity(false)
      .execute()
  }
}

async function insertBuildings(em: EntityManager, created: Place[]): Promise<void> {
  if (created.length === 0) return
  await insertPlaces(
    em,
    created.map(({ id: _id, createdAt: _c, updatedAt: _u, ...fields }) => fields),
  )
  const ids = await em.find(Place, { where: { code: In(created.map((b) => b.code!)) }, select: { id: true, code: true } })
  const idByCode = new Map(ids.map((p) => [p.code!, p.id]))
  for (const b of created) b.id = idByCode.get(b.code!)!
}

/** Adds missing units "1单元" … "N单元"; returns the rows that added some. Units are never removed here: residents may be bound to them. */
async function ensureUnits(
  em: EntityManager,
  rows: readonly ValidRow[],
  buildings: ReadonlyArray<Place | null>,
  isNew: Set<Place>,
): Promise<number[]> {
  const old = buildings.flatMap((b, i) => (b && !isNew.has(b) && rows[i]!.units > 0 ? [b.id] : []))
  const have = new Set(
    old.length === 0
      ? []
      : (await em.find(Place, { where: { parentId: In(old), level: 'unit' }, select: { parentId: true, name: true } })).map((u) =>
          key(u.parentId, u.name),
        ),
  )
  const units: PlaceFields[] = []
  const added: number[] = []
  buildings.forEach((b, i) => {
    if (!b) return
    const missing = Array.from({ length: rows[i]!.units }, (_, n) => `${n + 1}单元`).filter((name) => !have.has(key(b.id, name)))
    if (missing.length > 0) added.push(i)
    for (const name of missing) {
      units.push({
        level: 'unit',
        name,
        parentId: b.id,
        rootName: null,
        code: null,
        address: null,
        districtId: b.districtId,
        streetId: b.streetId,
        communityId: b.communityId,
        gridId: b.gridId,
        buildingId: b.id,
      })
    }
  })
  await insertPlaces(em, units)
  return added
}
