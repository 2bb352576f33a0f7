import type { EntityManager } from 'typeorm'
import type { AuthUser } from '../../middleware/auth'
import { residenceOf } from '../users'
import { deskScopeOf } from './access'
import type { Conversation } from './entities'

/**
 * Realtime topics. A socket listens on its user's topic, a resident also on their building's (for
 * notices), a desk member on their scope's; a conversation's frames go to its resident, its
 * officer and every desk whose scope holds the building.
 */
export const userTopic = (userId: number) => `user:${userId}`
export const buildingTopic = (buildingId: number) => `building:${buildingId}`
export const deskTopic = (placeId: number | 'all') => `desk:${placeId}`

export function conversationTopics(c: Conversation): string[] {
  const topics = [userTopic(c.residentUserId)]
  if (c.officerUserId) topics.push(userTopic(c.officerUserId))
  for (const id of [c.districtId, c.streetId, c.communityId, c.gridId, c.buildingId]) if (id) topics.push(deskTopic(id))
  topics.push(deskTopic('all'))
  return topics
}

export async function socketTopics(em: EntityManager, user: AuthUser): Promise<string[]> {
  const topics = [userTopic(user.id)]
  if (user.role === 'resident') {
    const residence = await residenceOf(em, user.id)
    if (residence) topics.push(buildingTopic(residence.buildingId))
  }
  const scope = await deskScopeOf(em, user)
  if (scope) topics.push(deskTopic(scope === 'all' ? 'all' : scope.id))
  return topics
}
