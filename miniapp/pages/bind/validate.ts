import { bindResidenceSchema, type BindResidenceInput, type BuildingSummary } from '@anju/shared'

export type BindCheck = { ok: true; input: BindResidenceInput } | { ok: false; message: string }

/**
 * The resident's choice → the body of PUT /api/me/residence. The unit is optional, as in the
 * API (not everyone knows which 单元 the officer files them under), but it must belong to the
 * chosen building.
 */
export function checkBinding(building: BuildingSummary | null, unitId: number | null): BindCheck {
  if (!building) return { ok: false, message: '请先选择您住的楼栋' }
  if (unitId !== null && !building.units.some((u) => u.id === unitId)) {
    return { ok: false, message: '所选单元不属于这栋楼，请重新选择' }
  }
  const parsed = bindResidenceSchema.safeParse({ buildingId: building.id, unitId })
  if (!parsed.success) return { ok: false, message: '楼栋信息有误，请重新选择' }
  return { ok: true, input: parsed.data }
}

export function buildingTitle(building: BuildingSummary): string {
  return `${building.community} ${building.name}`
}
