import type { AppContext } from '../../context'
import { notFound } from '../../errors/app-error'
import type { AuthUser } from '../../middleware/auth'
import { findPlace, type Place } from '../places'
import { findResident, residenceOf } from '../users'
import { mayManageBuilding } from './permissions'

/**
 * A resident's record, as far as the caller may see it: residents themselves, the officer who
 * leads their building, the duty desk whose scope holds it. Anyone else gets 404, not 403, so
 * that the existence of a record is not revealed either.
 */
export async function residentFor(app: AppContext, caller: AuthUser, residentId: number) {
  const em = app.ds.manager
  const resident = await findResident(em, residentId)
  const residence = resident ? await residenceOf(em, residentId) : null
  const building = residence ? await findPlace(em, residence.buildingId) : null
  const allowed = resident && (await mayView(app, caller, resident.id, building))
  if (!resident || !allowed) throw notFound('居民')
  const unit = residence?.unitId ? await findPlace(em, residence.unitId) : null
  return {
    id: resident.id,
    name: resident.name,
    building: building ? { id: building.id, name: building.name } : null,
    unit: unit ? { id: unit.id, name: unit.name } : null,
  }
}

async function mayView(app: AppContext, caller: AuthUser, residentId: number, building: Place | null): Promise<boolean> {
  if (caller.id === residentId || caller.role === 'admin') return true
  return building !== null && mayManageBuilding(app, caller, building)
}
