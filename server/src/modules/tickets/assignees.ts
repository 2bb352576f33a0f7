import type { Department as DepartmentView } from '@anju/shared'
import type { AppContext } from '../../context'
import { notFound } from '../../errors/app-error'
import type { AuthUser } from '../../middleware/auth'
import { leadCountsWithin, officersLeading } from '../officers'
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
  const area = ticket.streetId ? { level: 'street' as const, id: ticket.streetId } : { level: 'district' as const, id: ticket.districtId }
  const rows = await leadCountsWithin(em, area)
  const items = await officersLeading(app, rows, { activeOnly: true })
  return { items }
}

export async function listDepartments(app: AppContext): Promise<{ items: DepartmentView[] }> {
  const rows = await app.ds.manager.find(Department, { where: { active: true }, order: { id: 'ASC' } })
  return { items: rows.map((d) => ({ id: d.id, name: d.name, phone: d.phone })) }
}
