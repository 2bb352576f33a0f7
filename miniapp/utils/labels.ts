import { PLACE_LEVEL_LABELS } from '@anju/shared'

const LEVEL_LABELS: Record<string, string | undefined> = PLACE_LEVEL_LABELS

/** "幸福路街道（街道）" — the level is a plain string in API responses. */
export function describeScope(scope: { name: string; level: string } | null): string {
  if (!scope) return '暂未设置'
  const level = LEVEL_LABELS[scope.level]
  return level && !scope.name.endsWith(level) ? `${scope.name}（${level}）` : scope.name
}
