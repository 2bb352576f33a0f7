import { In } from 'typeorm'
import type { Department as DepartmentView } from '@anju/shared'
import { isOnDuty } from '@anju/shared'
import type { AppContext } from '../../context'
import { notFound } from '../../errors/app-error'
import type { AuthUser } from '../../middleware/auth'
import { BuildingLead, OfficerProfile } from '../officers/entities'
import { User } from '../users/entities'
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
  const ids = rows.map((r) => Number(r.officerUserId))
  const [users, profiles] = await Promise.all([em.findBy(User, { id: In(ids) }), em.findBy(OfficerProfile, { userId: In(ids) })])
  const now = app.now()
  const items = rows.flatMap((r) => {
    const u = users.find((x) => x.id === Number(r.officerUserId))
    const p = profiles.find((x) => x.userId === Number(r.officerUserId))
    if (!u || !p || u.disabledAt) return []
    return [{ userId: u.id, name: u.name, policeNumber: p.policeNumber, onDuty: isOnDuty(p.dutyHours, p.onLeaveUntil, now), buildings: Number(r.n) }]
  })
  items.sort((a, b) => Number(b.onDuty) - Number(a.onDuty) || a.policeNumber.localeCompare(b.policeNumber))
  return { items }
}

export async function listDepartments(app: AppContext): Promise<{ items: DepartmentView[] }> {
  const rows = await app.ds.manager.find(Department, { where: { active: true }, order: { id: 'ASC' } })
  return { items: rows.map((d) => ({ id: d.id, name: d.name, phone: d.phone })) }
}
