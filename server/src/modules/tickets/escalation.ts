import type { EntityManager } from 'typeorm'
import type { PlaceLevel } from '@anju/shared'
import { PLACE_LEVEL_LABELS } from '@anju/shared'
import { conflict } from '../../errors/app-error'
import { raiseDeskAlert } from './alerts'
import { noticeReporter } from './reporter-notice'
import type { Ticket } from './entities'
import { placeById } from '../places'
import { deskAtLevel, nextLevel } from './routing'

export interface Escalation {
  level: PlaceLevel
  deskId: number | null
  /** "升级至街道级办理（幸福路街道值班台督办）" */
  text: string
}

/**
 * 按级流转: one level up (grid → community → street → district), supervised by the duty desk of
 * that level. "大事不出区": past the district there is nowhere to go.
 */
export async function planEscalation(em: EntityManager, ticket: Ticket): Promise<Escalation> {
  const level = nextLevel(ticket.level)
  if (!level) throw conflict('工单已在区级办理，不能再升级（大事不出区）')
  const building = await placeById(em, ticket.placeId)
  if (!building) throw conflict('工单所在楼栋已不存在')
  const desk = await deskAtLevel(em, building, level)
  return {
    level,
    deskId: desk?.id ?? ticket.deskId,
    text: `升级至${PLACE_LEVEL_LABELS[level]}级办理${desk ? `（${desk.name}督办）` : ''}`,
  }
}

/** After the escalated ticket is written: the desk of the new level is alerted, the resident told. */
export async function announceEscalation(em: EntityManager, escalated: Ticket, now: Date): Promise<void> {
  await raiseDeskAlert(em, escalated.deskId, escalated.id, 'escalated', now)
  await noticeReporter(em, escalated, 'escalated', now, ROUND[escalated.level] ?? 0)
}

const ROUND: Partial<Record<PlaceLevel, number>> = { community: 1, street: 2, district: 3 }
