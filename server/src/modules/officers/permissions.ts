import type { AppContext } from '../../context'
import type { Place } from '../places'
import { leadsBuilding } from './leads'
import { reaches, staffReach } from './scopes'

/** Staff who answer for a building: the officer who leads it, a duty desk whose scope holds it, an admin. */
export async function mayManageBuilding(app: AppContext, user: { id: number; role: string }, building: Place): Promise<boolean> {
  if (user.role === 'admin') return true
  if (user.role === 'officer') return leadsBuilding(app.ds.manager, building.id, user.id)
  if (user.role !== 'dispatcher') return false
  return reaches(await staffReach(app.ds.manager, user.id), building)
}
