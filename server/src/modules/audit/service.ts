import type { EntityManager } from 'typeorm'
import { AuditLog } from './entities'

/** Records a staff action in the same transaction as the change it describes. */
export async function recordAudit(
  em: EntityManager,
  entry: { actorUserId: number | null; action: string; targetType: string; targetId: string | number; detail?: Record<string, unknown> },
): Promise<void> {
  // simple-json columns hold any JSON; TypeORM's insert typing cannot express `unknown` values.
  await em.insert(AuditLog, { ...entry, targetId: String(entry.targetId), detail: (entry.detail ?? null) as never })
}
