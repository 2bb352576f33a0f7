import { bindResidenceSchema, type BindResidenceInput, type BuildingSummary } from '@anju/shared'

export type BindCheck = { ok: true; input: BindResidenceInput } | { ok: false; message: string }

/**
 * The resident's choice → the body of PUT /api/me/residence. The API lets the unit be empty;
 * the form asks for it whenever the building has units, so the officer knows the door.
 */
export function checkBinding(building: BuildingSummary | null, unitId: number | null): BindCheck {
  if (!building) return { ok: false, message: '请先选择您住的楼栋' }
  if (building.units.length > 0 && !building.units.some((u) => u.id === unitId)) {
    return { ok: false, message: '请选择您住的单元' }
  }
  const parsed = bindResidenceSchema.safeParse({ buildingId: building.id, unitId: building.units.length > 0 ? unitId : null })
  if (!parsed.success) return { ok: false, message: '楼栋信息有误，请重新选择' }
  return { ok: true, input: parsed.data }
}

export function buildingTitle(building: BuildingSummary): string {
  return `${building.community} ${building.name}`
}
