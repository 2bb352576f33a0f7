import { parse } from 'csv-parse/sync'
import { In, type DataSource, type EntityManager } from 'typeorm'
import { PLACE_CSV_COLUMNS, placeCsvRowSchema, type PlaceCsvRow, type PlaceImportResult, type PlaceLevel } from '@anju/shared'
import { badRequest } from '../../errors/app-error'
import { BuildingLead, OfficerProfile } from '../officers/entities'
import { Place } from './entities'

/**
 * Loads buildings (with their district, street, community, grid and units) from a CSV file.
 * Every row is validated first and reported by line; good rows are written in batches, one
 * transaction each. A building is identified by its code, ancestors by name under their parent,
 * units by name under their building — so running the same file twice changes nothing.
 */
const BATCH = 500
const ANCESTORS = ['district', 'street', 'community', 'grid'] as const

interface ValidRow extends PlaceCsvRow {
  line: number
}

export interface ImportOptions {
  /** Only places under this one may be touched (a dispatcher's scope); null for everything. */
  scope: Place | null
  onProgress?: (done: number, total: number) => void
}

export function parsePlacesCsv(text: string): Array<Record<string, string>> {
  let records: Array<Record<string, string>>
  try {
    records = parse(text, { columns: true, bom: true, skip_empty_lines: true, trim: true, relax_column_count: true })
  } catch (err) {
    throw badRequest(`CSV 无法解析：${(err as Error).message}`)
  }
  const header = Object.keys(records[0] ?? {})
  const required = PLACE_CSV_COLUMNS.filter((c) => c !== 'address' && c !== 'officer_police_number')
  const missing = records.length === 0 ? [] : required.filter((c) => !header.includes(c))
  if (missing.length > 0) throw badRequest(`CSV 缺少列：${missing.join(', ')}`, { expected: PLACE_CSV_COLUMNS })
  return records
}

const key = (parentId: number | null, name: string) => `${parentId ?? 0}|${name}`

export async function importPlaces(ds: DataSource, records: readonly object[], opts: ImportOptions): Promise<PlaceImportResult> {
  const result: PlaceImportResult = { rows: records.length, created: 0, updated: 0, unchanged: 0, errors: [] }
  const scopeNames = opts.scope ? await scopeChainNames(ds.manager, opts.scope) : null
  const officers = new Map((await ds.getRepository(OfficerProfile).find({ select: { userId: true, policeNumber: true } })).map((o) => [o.policeNumber, o.userId]))
  const seenCodes = new Set<string>()
  const valid: ValidRow[] = []
  records.forEach((raw, i) => {
    const line = i + 2 // line 1 is the header
    const parsed = placeCsvRowSchema.safeParse(raw)
    if (!parsed.success) return void result.errors.push({ row: line, message: parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('；') })
    const row = parsed.data
    if (seenCodes.has(row.building_code)) return void result.errors.push({ row: line, message: `楼栋编码 ${row.building_code} 在文件中重复` })
    if (row.officer_police_number && !officers.has(row.officer_police_number)) {
      return void result.errors.push({ row: line, message: `警号 ${row.officer_police_number} 不存在` })
    }
    const outside = scopeNames?.find(([level, name]) => row[level] !== name)
    if (outside) return void result.errors.push({ row: line, message: `不在您的管辖范围（${scopeNames!.map(([, n]) => n).join(' ')}）内` })
    seenCodes.add(row.building_code)
    valid.push({ ...row, line })
  })

  // Everything above unit level is small enough to hold: ancestors by (parent, name), buildings by code.
  const known = await ds.getRepository(Place).find({ where: { level: In(['district', 'street', 'community', 'grid', 'building']) } })
  const byParentName = new Map(known.map((p) => [key(p.parentId, p.name), p]))
  const byCode = new Map(known.filter((p) => p.code).map((p) => [p.code!, p]))

  for (let start = 0; start < valid.length; start += BATCH) {
    const batch = valid.slice(start, start + BATCH)
    await ds.transaction(async (em) => {
      for (const row of batch) {
        const outcome = await upsertRow(em, row, byParentName, byCode, officers)
        if (typeof outcome === 'string') result[outcome] += 1
        else result.errors.push({ row: row.line, message: outcome.error })
      }
    })
    opts.onProgress?.(Math.min(start + BATCH, valid.length), valid.length)
  }
  result.errors.sort((a, b) => a.row - b.row)
  return result
}

async function scopeChainNames(em: EntityManager, scope: Place): Promise<Array<[(typeof ANCESTORS)[number], string]>> {
  const ids = [scope.districtId, scope.streetId, scope.communityId, scope.gridId].filter((x): x is number => x !== null)
  const chain = [...(await em.findBy(Place, { id: In(ids) })), scope]
  return ANCESTORS.flatMap((level) => {
    const p = chain.find((c) => c.level === level)
    return p ? [[level, p.name] as [(typeof ANCESTORS)[number], string]] : []
  })
}

type Outcome = 'created' | 'updated' | 'unchanged' | { error: string }

async function upsertRow(
  em: EntityManager,
  row: ValidRow,
  byParentName: Map<string, Place>,
  byCode: Map<string, Place>,
  officers: Map<string, number>,
): Promise<Outcome> {
  const ancestry: Partial<Record<PlaceLevel, number>> = {}
  let parent: Place | null = null
  for (const level of ANCESTORS) {
    const name = row[level]
    let place = byParentName.get(key(parent?.id ?? null, name))
    if (place && place.level !== level) return { error: `${name} 已作为其他层级存在` }
    if (!place) {
      place = await insertPlace(em, { level, name, parentId: parent?.id ?? null, code: null, address: null, ...ancestorColumns(ancestry) })
      byParentName.set(key(place.parentId, name), place)
    }
    ancestry[level] = place.id
    parent = place
  }
  const gridId = parent!.id
  const existing = byCode.get(row.building_code)
  const clash = byParentName.get(key(gridId, row.building))
  if (clash && clash.code !== row.building_code) return { error: `${row.grid} 下已有同名楼栋 ${row.building}（编码 ${clash.code}）` }
  const fields = { level: 'building' as const, name: row.building, parentId: gridId, code: row.building_code, address: row.address || null, ...ancestorColumns(ancestry) }
  let building: Place
  let outcome: Outcome
  if (!existing) {
    building = await insertPlace(em, fields)
    outcome = 'created'
  } else {
    const changed = (Object.keys(fields) as Array<keyof typeof fields>).some((k) => existing[k] !== fields[k])
    if (changed) {
      byParentName.delete(key(existing.parentId, existing.name))
      await em.update(Place, { id: existing.id }, fields)
      Object.assign(existing, fields)
    }
    building = existing
    outcome = changed ? 'updated' : 'unchanged'
  }
  byCode.set(row.building_code, building)
  byParentName.set(key(gridId, building.name), building)

  if (await ensureUnits(em, building, row.units, outcome === 'created')) outcome = outcome === 'unchanged' ? 'updated' : outcome
  if (row.officer_police_number && (await ensureLead(em, building.id, officers.get(row.officer_police_number)!))) {
    outcome = outcome === 'unchanged' ? 'updated' : outcome
  }
  return outcome
}

function ancestorColumns(a: Partial<Record<PlaceLevel, number>>) {
  return { districtId: a.district ?? null, streetId: a.street ?? null, communityId: a.community ?? null, gridId: a.grid ?? null, buildingId: a.building ?? null }
}

async function insertPlace(em: EntityManager, fields: Omit<Place, 'id' | 'createdAt' | 'updatedAt'>): Promise<Place> {
  const result = await em.insert(Place, fields)
  const id = Number(result.identifiers[0]?.id ?? result.raw?.insertId)
  return { ...fields, id, createdAt: new Date(), updatedAt: new Date() }
}

/** Adds missing units "1单元" … "N单元". Units are never removed here: residents may be bound to them. */
async function ensureUnits(em: EntityManager, building: Place, count: number, isNew: boolean): Promise<boolean> {
  if (count === 0) return false
  const have = isNew ? new Set<string>() : new Set((await em.find(Place, { where: { parentId: building.id }, select: { name: true } })).map((u) => u.name))
  const missing = Array.from({ length: count }, (_, i) => `${i + 1}单元`).filter((n) => !have.has(n))
  if (missing.length === 0) return false
  await em.insert(
    Place,
    missing.map((name) => ({
      level: 'unit' as const, name, parentId: building.id, code: null, address: null,
      districtId: building.districtId, streetId: building.streetId, communityId: building.communityId, gridId: building.gridId, buildingId: building.id,
    })),
  )
  return true
}

async function ensureLead(em: EntityManager, buildingId: number, officerUserId: number): Promise<boolean> {
  const lead = await em.findOneBy(BuildingLead, { buildingId })
  if (lead?.officerUserId === officerUserId) return false
  if (lead) await em.update(BuildingLead, { id: lead.id }, { officerUserId })
  else await em.insert(BuildingLead, { buildingId, officerUserId })
  return true
}

