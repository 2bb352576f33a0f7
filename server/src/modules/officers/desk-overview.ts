import type { DeskOverview } from '@anju/shared'
import type { AppContext } from '../../context'
import { AppError } from '../../errors/app-error'
import { buildingsWithinSubquery, countBuildingsWithin } from '../places'
import { countResidentsIn } from '../users'
import { officersLeading } from './cards'
import { coveringDutyDesk } from './desks'
import { leadCountsWithin } from './leads'
import { staffReach } from './scopes'

/** 值班台首页: the desk's scope, who covers it, its buildings and their officers. */
export async function deskOverview(app: AppContext, userId: number): Promise<DeskOverview> {
  const em = app.ds.manager
  const reach = await staffReach(em, userId)
  // The overview is of one place: an admin without a scope has none to show, as a desk without one.
  if (reach === null || reach === 'all') throw new AppError(409, 'conflict', '您的账号尚未设置管辖范围')
  const scope = reach
  const [buildings, residents, leadRows] = await Promise.all([
    countBuildingsWithin(em, scope),
    countResidentsIn(em, (qb) => buildingsWithinSubquery(qb, scope)),
    leadCountsWithin(em, scope),
  ])
  const officers = await officersLeading(app, leadRows)
  return {
    scope: { id: scope.id, level: scope.level, name: scope.name },
    dutyDesk: await coveringDutyDesk(em, scope),
    buildings,
    // A building has at most one lead (unique index): those in scope without one are the rest.
    buildingsWithoutOfficer: buildings - leadRows.reduce((n, r) => n + Number(r.n), 0),
    residents,
    officers,
  }
}
