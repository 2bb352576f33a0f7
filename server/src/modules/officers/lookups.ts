import { In, type EntityManager } from 'typeorm'
import { BuildingLead, DutyDesk } from './entities'

/** The buildings an officer leads, by id. */
export async function buildingsLedBy(em: EntityManager, officerUserId: number): Promise<number[]> {
  return (await em.findBy(BuildingLead, { officerUserId })).map((l) => l.buildingId)
}

/** Duty desks' names by id, one statement; ids not found are left out. */
export async function dutyDeskNames(em: EntityManager, deskIds: number[]): Promise<Map<number, string>> {
  if (deskIds.length === 0) return new Map()
  return new Map((await em.findBy(DutyDesk, { id: In(deskIds) })).map((d) => [d.id, d.name]))
}
