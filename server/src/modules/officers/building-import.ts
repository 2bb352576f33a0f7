import { In, type DataSource, type EntityManager } from 'typeorm'
import type { PlaceCsvRow, PlaceImportResult } from '@anju/shared'
import { emit } from '../../events'
import { importPlaces, type ImportOptions, type PlaceImportExtension, type PlaceRecords } from '../places'
import { BuildingLead, OfficerProfile } from './entities'

/**
 * 导入楼栋: the places CSV, whose last column names each building's lead officer by police
 * number. Places imports the rows; this adds the officer check to its row checks and writes the
 * leads in each batch's transaction, after its places, announcing buildingLeadChanged there as
 * assignBuildingLead does (the buildings' conversations follow their new lead).
 */
export async function importBuildings(
  ds: DataSource,
  source: PlaceRecords,
  opts: Omit<ImportOptions, 'extension'>,
): Promise<PlaceImportResult> {
  const officers = new Map(
    (await ds.getRepository(OfficerProfile).find({ select: { userId: true, policeNumber: true } })).map((o) => [o.policeNumber, o.userId]),
  )
  return importPlaces(ds, source, { ...opts, extension: buildingLeads(officers) })
}

/** `officers`: user ids by police number. */
function buildingLeads(officers: Map<string, number>): PlaceImportExtension {
  return {
    check: (row) =>
      row.officer_police_number && !officers.has(row.officer_police_number) ? `警号 ${row.officer_police_number} 不存在` : null,
    write: (em, rows, buildingIds) => ensureLeads(em, rows, buildingIds, officers),
  }
}

/**
 * Makes each row's officer the lead of its building and announces the changed leads, one event per
 * officer (its followers then write once per officer, not once per building); returns the rows
 * that changed a lead.
 */
async function ensureLeads(
  em: EntityManager,
  rows: readonly PlaceCsvRow[],
  buildingIds: ReadonlyArray<number | null>,
  officers: Map<string, number>,
): Promise<number[]> {
  const wanted = buildingIds.flatMap((buildingId, i) =>
    buildingId !== null && rows[i]!.officer_police_number
      ? [{ i, buildingId, officerUserId: officers.get(rows[i]!.officer_police_number)! }]
      : [],
  )
  if (wanted.length === 0) return []
  const leads = new Map(
    (await em.find(BuildingLead, { where: { buildingId: In(wanted.map((w) => w.buildingId)) } })).map((l) => [l.buildingId, l]),
  )
  const inserts: Array<{ buildingId: number; officerUserId: number }> = []
  const changed: number[] = []
  const changedByOfficer = new Map<number, number[]>()
  for (const { i, buildingId, officerUserId } of wanted) {
    const lead = leads.get(buildingId)
    if (lead?.officerUserId === officerUserId) continue
    if (lead) await em.update(BuildingLead, { id: lead.id }, { officerUserId })
    else inserts.push({ buildingId, officerUserId })
    changed.push(i)
    let ledNow = changedByOfficer.get(officerUserId)
    if (!ledNow) changedByOfficer.set(officerUserId, (ledNow = []))
    ledNow.push(buildingId)
  }
  if (inserts.length > 0) await em.createQueryBuilder().insert().into(BuildingLead).values(inserts).updateEntity(false).execute()
  for (const [officerUserId, ledNow] of changedByOfficer) await emit('buildingLeadChanged', { buildingIds: ledNow, officerUserId }, em)
  return changed
}
