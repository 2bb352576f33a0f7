import type { Department as DepartmentView } from '@anju/shared'
import type { AppContext } from '../../context'
import { notFound } from '../../errors/app-error'
import type { AuthUser } from '../../middleware/auth'
import { BuildingLead } from '../officers/entities'
import { officersLeading } from '../officers/service'
import { requireActors } from './access'
import { Department, Ticket } from './entities'

/**
 * The officers a ticket can be assigned or transferred to: those who lead buildings in the
 * ticket's street (小事不出格: it stays with officers who know the place), on duty first.
 */
export async function assigneesFor(app: AppContext, user: AuthUser, ticketId: number) {
  const em = app.ds.manager
  const ticket = await em.findOneBy(Ticket, { id: ticketId })
  if (!ticket) throw notFound('工单')
  await requireActors(em, user, ticket)
  const column = ticket.streetId ? 'p.streetId' : 'p.districtId'
  const rows = await em
    .createQueryBuilder(BuildingLead, 'l')
    .innerJoin('place', 'p', 'p.id = l.buildingId')
    .where(`${column} = :id`, { id: ticket.streetId ?? ticket.districtId })
    .select('l.officerUserId', 'officerUserId')
    .addSelect('COUNT(*)', 'n')
    .groupBy('l.officerUserId')
    .getRawMany<{ officerUserId: number | string; n: number | string }>()
  const items = await officersLeading(app, rows, { activeOnly: true })
  return { items }
}

export async function listDepartments(app: AppContext): Promise<{ items: DepartmentView[] }> {
  const rows = await app.ds.manager.find(Department, { where: { active: true }, order: { id: 'ASC' } })
  return { items: rows.map((d) => ({ id: d.id, name: d.name, phone: d.phone })) }
}
