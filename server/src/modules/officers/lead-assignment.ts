import type { AppContext } from '../../context'
import { referenceDataChanged } from '../../db/reference-data'
import { notFound } from '../../errors/app-error'
import { emit } from '../../events'
import { recordAudit } from '../audit'
import { findBuilding } from '../places'
import { officerOf } from './cards'
import { BuildingLead } from './entities'
import { reaches, staffReach } from './scopes'

/** The duty desk (or an admin) names the officer who leads a building in its scope. */
export async function assignBuildingLead(app: AppContext, actorId: number, buildingId: number, officerUserId: number): Promise<void> {
  const em = app.ds.manager
  const [building, reach, officer] = await Promise.all([
    findBuilding(em, buildingId),
    staffReach(em, actorId),
    officerOf(em, officerUserId),
  ])
  if (!building || !reaches(reach, building)) throw notFound('楼栋')
  if (!officer || officer.user.role !== 'officer') throw notFound('民警')
  await app.ds.transaction(async (tx) => {
    const lead = await tx.findOneBy(BuildingLead, { buildingId })
    // One upsert on the building's unique index: two desks naming a lead at once both succeed, the later one stands.
    await tx.upsert(BuildingLead, { buildingId, officerUserId }, ['buildingId'])
    // Announced even when the same officer is named again: what follows the lead (the building's conversations) is set again too.
    await emit('buildingLeadChanged', { buildingIds: [buildingId], officerUserId }, tx)
    await recordAudit(tx, {
      actorUserId: actorId,
      action: 'building_lead.assign',
      targetType: 'building',
      targetId: buildingId,
      detail: { officerUserId, previous: lead?.officerUserId ?? null },
    })
  })
  referenceDataChanged(app.ds)
}
