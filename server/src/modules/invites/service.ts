import { IsNull, MoreThan } from 'typeorm'
import type { CreateInviteInput, Invite as InviteDto, RedeemInviteInput, TokenPair } from '@anju/shared'
import type { AppContext } from '../../context'
import { isUniqueViolation } from '../../db/errors'
import { AppError, forbidden, notFound } from '../../errors/app-error'
import { derivedHumanCode, sha256 } from '../../lib/crypto'
import type { AuthUser } from '../../middleware/auth'
import { recordAudit } from '../audit'
import { issueTokens, revokeAllForUser } from '../auth'
import { enrolOfficer, reaches, staffReach } from '../officers'
import { findPlace, findPlaceOrFail, findPlaces, type Place } from '../places'
import { getUser, makeStaff, userById } from '../users'
import { Invite } from './entities'

const invalidInvite = () => new AppError(400, 'invite_invalid', '邀请码无效、已使用或已过期')

function toDto(invite: Invite, place: Place, code?: string): InviteDto {
  return {
    id: invite.id,
    role: invite.role,
    place: { id: place.id, name: place.name, level: place.level },
    expiresAt: invite.expiresAt.toISOString(),
    usedAt: invite.usedAt ? invite.usedAt.toISOString() : null,
    ...(code ? { code } : {}),
  }
}

/** The code is made again from the key, never stored: a retried create can show it, and the table still holds only its hash. */
const inviteCode = (app: AppContext, creatorId: number, clientKey: string) =>
  derivedHumanCode(app.config.dataKey, `invite:${creatorId}:${clientKey}`, 10)

/**
 * 生成邀请码. The (creator, clientKey) unique index makes a retry — even two at once — answer with
 * the first invite and its code instead of making a second one.
 */
export async function createInvite(app: AppContext, actor: AuthUser, input: CreateInviteInput): Promise<InviteDto> {
  const em = app.ds.manager
  const prior = await em.findOneBy(Invite, { createdByUserId: actor.id, clientKey: input.clientKey })
  if (prior) return replayInvite(app, prior)
  const [place, reach] = await Promise.all([findPlace(em, input.placeId), staffReach(em, actor.id)])
  if (!place || !reaches(reach, place)) throw notFound('地点')
  if (input.role === 'admin' && actor.role !== 'admin') throw forbidden('只有系统管理员可以邀请管理员')
  if (place.level === 'building' || place.level === 'unit') {
    throw new AppError(400, 'validation_failed', '工作人员的范围应为区、街道、社区或网格')
  }
  const code = inviteCode(app, actor.id, input.clientKey)
  let invite: Invite
  try {
    invite = await insertInvite(app, actor, input, place, code)
  } catch (err) {
    const raced = isUniqueViolation(err) ? await em.findOneBy(Invite, { createdByUserId: actor.id, clientKey: input.clientKey }) : null
    if (raced) return replayInvite(app, raced)
    throw err
  }
  return toDto(invite, place, code)
}

/** The first answer again; the code only while it can still be used. */
async function replayInvite(app: AppContext, invite: Invite): Promise<InviteDto> {
  const place = await findPlaceOrFail(app.ds.manager, invite.placeId)
  return toDto(invite, place, invite.usedAt ? undefined : inviteCode(app, invite.createdByUserId, invite.clientKey!))
}

function insertInvite(app: AppContext, actor: AuthUser, input: CreateInviteInput, place: Place, code: string): Promise<Invite> {
  return app.ds.transaction(async (tx) => {
    const row = tx.create(Invite, {
      codeHash: sha256(code),
      role: input.role,
      placeId: place.id,
      createdByUserId: actor.id,
      // Whole seconds, as MySQL's DATETIME keeps them: a replay then shows the very same time.
      expiresAt: new Date(Math.floor((app.now().getTime() + input.expiresInHours * 3600_000) / 1000) * 1000),
      usedByUserId: null,
      usedAt: null,
      clientKey: input.clientKey,
    })
    await tx.save(row)
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: 'invite.create',
      targetType: 'invite',
      targetId: row.id,
      detail: { role: input.role, placeId: place.id },
    })
    return row
  })
}

export async function listInvites(app: AppContext, actor: AuthUser): Promise<{ items: InviteDto[] }> {
  const invites = await app.ds.getRepository(Invite).find({
    where: actor.role === 'admin' ? {} : { createdByUserId: actor.id },
    order: { id: 'DESC' },
    take: 50,
  })
  const places = await findPlaces(
    app.ds.manager,
    invites.map((i) => i.placeId),
  )
  return {
    items: invites.flatMap((i) => {
      const p = places.find((x) => x.id === i.placeId)
      return p ? [toDto(i, p)] : []
    }),
  }
}

/**
 * Turns the caller into staff with the invite's role and scope; their old sessions end. A retry
 * after a lost answer, or a second copy at once, finds the code spent by this very caller and is
 * answered as the first time was, writing nothing again.
 */
export async function redeemInvite(app: AppContext, caller: AuthUser, input: RedeemInviteInput, address: string): Promise<TokenPair> {
  // Invite codes are short enough to guess at: limited per person and per address, before any lookup.
  await app.limits.consume('invite-by-user', caller.id)
  await app.limits.consume('invite-by-address', address)
  const codeHash = sha256(input.code.toUpperCase())
  try {
    return await redeemOnce(app, caller, codeHash, input)
  } catch (err) {
    const replay = err instanceof AppError && err.code === 'invite_invalid' ? await replayRedeem(app, caller, codeHash) : null
    if (replay) return replay
    throw err
  }
}

/**
 * A new pair for the caller who spent this code, while they still hold what it gave them (an
 * admin may have changed their role since: then the code is simply spent). The first answer's
 * pair was never delivered; it is left to expire rather than ending sessions made since.
 */
async function replayRedeem(app: AppContext, caller: AuthUser, codeHash: string): Promise<TokenPair | null> {
  const em = app.ds.manager
  const invite = await em.findOneBy(Invite, { codeHash, usedByUserId: caller.id })
  const user = invite ? await userById(em, caller.id) : null
  if (!invite || !user || user.disabledAt || user.role !== invite.role || user.scopePlaceId !== invite.placeId) return null
  return app.ds.transaction((tx) => issueTokens(app, tx, user))
}

function redeemOnce(app: AppContext, caller: AuthUser, codeHash: string, input: RedeemInviteInput): Promise<TokenPair> {
  const now = app.now()
  return app.ds.transaction(async (em) => {
    const invite = await em.findOneBy(Invite, { codeHash, usedAt: IsNull(), expiresAt: MoreThan(now) })
    if (!invite) throw invalidInvite()
    if (invite.role === 'officer' && (!input.policeNumber || !input.phone)) {
      throw new AppError(400, 'validation_failed', '楼长民警需填写警号和工作电话', [
        ...(input.policeNumber ? [] : [{ path: 'policeNumber', message: '请填写警号' }]),
        ...(input.phone ? [] : [{ path: 'phone', message: '请填写工作电话' }]),
      ])
    }
    // Only one redemption of a code can win, even when two arrive at once.
    const claimed = await em.update(Invite, { id: invite.id, usedAt: IsNull() }, { usedAt: now, usedByUserId: caller.id })
    if (claimed.affected !== 1) throw invalidInvite()
    if (invite.role === 'officer') {
      await enrolOfficer(em, { userId: caller.id, policeNumber: input.policeNumber!, phone: input.phone!, placeId: invite.placeId })
    }
    await makeStaff(em, caller.id, { role: invite.role, name: input.name, scopePlaceId: invite.placeId })
    await revokeAllForUser(em, caller.id, now)
    await recordAudit(em, {
      actorUserId: caller.id,
      action: 'invite.redeem',
      targetType: 'invite',
      targetId: invite.id,
      detail: { role: invite.role },
    })
    return issueTokens(app, em, await getUser(em, caller.id))
  })
}
