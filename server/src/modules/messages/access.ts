import type { EntityManager } from 'typeorm'
import type { AuthUser } from '../../middleware/auth'
import { notFound } from '../../errors/app-error'
import { staffReach } from '../officers'
import { scopeColumn, type Place } from '../places'
import { TtlCache } from '../../lib/ttl-cache'
import { Conversation } from './entities'

/** Which side of a conversation the viewer writes on. */
export type ViewerSide = 'resident' | 'officer' | 'desk'

/** A duty-desk member's scope: a place, or 'all' for an administrator without one. */
export type DeskScope = Place | 'all'

const DESK_ROLES = new Set(['dispatcher', 'admin'])
/** Scopes change rarely and are read on every socket ack: a minute is fresh enough. */
const scopes = new TtlCache<number, DeskScope | null>(60_000, 10_000)

export async function deskScopeOf(em: EntityManager, user: AuthUser): Promise<DeskScope | null> {
  if (!DESK_ROLES.has(user.role)) return null
  return scopes.get(user.id, () => staffReach(em, user.id))
}

export function deskCovers(scope: DeskScope, c: Conversation): boolean {
  if (scope === 'all') return true
  const column = scopeColumn(scope.level)
  return column !== null && c[column] === scope.id
}

export async function sideOf(em: EntityManager, user: AuthUser, c: Conversation): Promise<ViewerSide | null> {
  if (user.role === 'resident') return c.residentUserId === user.id ? 'resident' : null
  if (user.role === 'officer') return c.officerUserId === user.id ? 'officer' : null
  const scope = await deskScopeOf(em, user)
  return scope && deskCovers(scope, c) ? 'desk' : null
}

/** The conversation and the viewer's side; someone else's conversation reads as missing (404). */
export async function conversationFor(
  em: EntityManager,
  user: AuthUser,
  id: number,
): Promise<{ conversation: Conversation; side: ViewerSide }> {
  const conversation = await em.findOneBy(Conversation, { id })
  const side = conversation ? await sideOf(em, user, conversation) : null
  if (!conversation || !side) throw notFound('对话')
  return { conversation, side }
}
