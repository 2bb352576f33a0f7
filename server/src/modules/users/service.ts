import { updateMeSchemaFor, type BindResidenceInput, type Me, type UpdateMeInput } from '@anju/shared'
import type { AppContext } from '../../context'
import { AppError, notFound } from '../../errors/app-error'
import { findBuilding, findPlaces, findUnitOfBuilding } from '../places'
import { getUser } from './accounts'
import { User } from './entities'
import { residenceOf, saveResidence } from './residences'

export async function getMe(app: AppContext, userId: number): Promise<Me> {
  const em = app.ds.manager
  const [user, residence] = await Promise.all([getUser(em, userId), residenceOf(em, userId)])
  const placeIds = [residence?.buildingId, residence?.unitId, user.scopePlaceId].filter((x): x is number => !!x)
  const places = await findPlaces(em, placeIds)
  const building = places.find((p) => p.id === residence?.buildingId)
  const parents = building ? await findPlaces(em, [building.communityId ?? 0, building.streetId ?? 0]) : []
  const unit = places.find((p) => p.id === residence?.unitId)
  const scope = places.find((p) => p.id === user.scopePlaceId)
  return {
    user: { id: user.id, role: user.role, name: user.name },
    residence: building
      ? {
          building: {
            id: building.id,
            name: building.name,
            community: parents.find((p) => p.id === building.communityId)?.name ?? '',
            street: parents.find((p) => p.id === building.streetId)?.name ?? '',
          },
          unit: unit ? { id: unit.id, name: unit.name } : null,
        }
      : null,
    scope: scope ? { id: scope.id, level: scope.level, name: scope.name } : null,
  }
}

/**
 * Sets the caller's name under the rule of who they are now (read from their row, not the token):
 * residents may not take a staff title, staff keep the one their invite gave them.
 */
export async function renameMe(app: AppContext, userId: number, input: UpdateMeInput): Promise<Me> {
  const repo = app.ds.getRepository(User)
  const { role } = await repo.findOneOrFail({ where: { id: userId }, select: { id: true, role: true } })
  const { name } = updateMeSchemaFor(role).parse(input)
  await repo.update({ id: userId }, { name })
  return getMe(app, userId)
}

/** Binds (or moves) a resident to a building and optionally a unit of it. Binding again is harmless. */
export async function bindResidence(app: AppContext, userId: number, input: BindResidenceInput): Promise<Me> {
  const em = app.ds.manager
  const building = await findBuilding(em, input.buildingId)
  if (!building) throw notFound('楼栋')
  const unitId = input.unitId ?? null
  if (unitId !== null) {
    const unit = await findUnitOfBuilding(em, unitId, building.id)
    if (!unit) throw new AppError(400, 'validation_failed', '所选单元不属于该楼栋', [{ path: 'unitId', message: '单元不属于该楼栋' }])
  }
  await saveResidence(em, { userId, buildingId: building.id, unitId })
  return getMe(app, userId)
}
