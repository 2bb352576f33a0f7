import { randomBytes } from 'node:crypto'
import type { DemoIdentity, LoginOptions, TokenPair } from '@anju/shared'
import { ROLE_LABELS, ROLES } from '@anju/shared'
import type { AppContext } from '../../context'
import { AppError, notFound } from '../../errors/app-error'
import { encrypt, sha256 } from '../../lib/crypto'
import { mintStandinCode } from '../../integrations/wechat/standin-codes'
import { buildingLeadCardFor } from '../officers'
import { findPlaces } from '../places'
import { findOrCreateResidentByOpenid, getUser, openidExists, residencesOf, usersByOpenidPrefix } from '../users'
import { familyOf, issueTokens, revokeFamily, rotateRefreshToken } from './tokens'

/** Seeded demo accounts have openids starting with this; only listed when the WeChat stand-in is in use. */
export const DEMO_OPENID_PREFIX = 'demo-'
const NEW_RESIDENT_KEY = 'new-resident'

/**
 * What a wx.login code can look like: today 32 letters and digits; the bounds are loose on
 * purpose (WeChat does not promise a format), tight enough that garbage never costs a
 * code2Session call from the app's shared quota. The stand-in's codes (32 hex) fit too.
 */
const WECHAT_CODE = /^[A-Za-z0-9_-]{16,64}$/

/**
 * code → code2Session → find or create the user → tokens. The session_key stays on the server,
 * encrypted. Before WeChat is asked: a limit per client address, the code's shape, and the code
 * itself, which WeChat accepts once, so a second try of it is refused here (lib/rate-limit.ts).
 */
export async function loginWithWechat(app: AppContext, code: string, address: string): Promise<TokenPair> {
  await app.limits.consume('login-by-address', address)
  if (!WECHAT_CODE.test(code)) {
    throw new AppError(400, 'validation_failed', '登录凭证格式不正确，请重新登录', [{ path: 'code', message: '登录凭证格式不正确' }])
  }
  await app.limits.consume('login-by-code', sha256(code))
  // WeChat busy or its quota spent is a 503 with Retry-After, from the client (integrations/wechat).
  const session = await app.wechat.code2Session(code)
  const sealedKey = encrypt(app.config.dataKey, session.sessionKey)
  return app.ds.transaction(async (em) => {
    const user = await findOrCreateResidentByOpenid(em, session.openid, sealedKey)
    if (user.disabledAt) throw new AppError(403, 'forbidden', '该账号已停用，请联系值班台')
    return issueTokens(app, em, user)
  })
}

export async function refreshSession(app: AppContext, refreshToken: string, address: string): Promise<TokenPair> {
  await app.limits.consume('refresh-by-address', address)
  return rotateRefreshToken(app, refreshToken, async (em, userId, familyId) => {
    const user = await getUser(em, userId)
    if (user.disabledAt) throw new AppError(401, 'unauthenticated', '该账号已停用')
    return issueTokens(app, em, user, familyId)
  })
}

export async function logout(app: AppContext, refreshToken: string): Promise<void> {
  const familyId = await familyOf(app.ds.manager, refreshToken)
  if (familyId) await revokeFamily(app.ds.manager, familyId, app.now())
}

export async function loginOptions(app: AppContext): Promise<LoginOptions> {
  if (!app.wechatStandinUrl) return { demo: false, identities: [] }
  return { demo: true, identities: await demoIdentities(app) }
}

async function demoIdentities(app: AppContext): Promise<DemoIdentity[]> {
  const em = app.ds.manager
  const users = (await usersByOpenidPrefix(em, DEMO_OPENID_PREFIX, 50)).sort((a, b) => ROLES.indexOf(a.role) - ROLES.indexOf(b.role))
  const residences = await residencesOf(
    em,
    users.map((u) => u.id),
  )
  const places = await findPlaces(em, [...residences.map((r) => r.buildingId), ...users.map((u) => u.scopePlaceId ?? 0)])
  const placeName = new Map(places.map((p) => [p.id, p.name]))
  const homeOf = new Map(residences.map((r) => [r.userId, r.buildingId]))
  const identities: DemoIdentity[] = [{ key: NEW_RESIDENT_KEY, label: '新居民', role: 'resident', description: '第一次使用，尚未绑定楼栋' }]
  for (const u of users) {
    const home = homeOf.get(u.id)
    const scope = u.scopePlaceId ? placeName.get(u.scopePlaceId) : undefined
    let description = scope ? `负责 ${scope}` : ROLE_LABELS[u.role]
    if (u.role === 'resident') description = home ? `住在 ${placeName.get(home) ?? ''}，${await officerNote(app, u.id)}` : '尚未绑定楼栋'
    identities.push({ key: u.openid, label: `${u.name}（${ROLE_LABELS[u.role]}）`, role: u.role, description })
  }
  return identities
}

/** What trying this demo resident will show: their officer on duty, on leave, or no officer. */
async function officerNote(app: AppContext, residentId: number): Promise<string> {
  const card = await buildingLeadCardFor(app, residentId)
  if (!card.officer) return '楼栋暂无楼长民警'
  return `楼长民警${card.officer.statusText.replace(/（.*）/, '')}`
}

/** Plays wx.login for the H5 build: asks the stand-in for a code for a demo identity. */
export async function demoCode(app: AppContext, key: string): Promise<{ code: string }> {
  if (!app.wechatStandinUrl) throw notFound('接口')
  let openid: string
  if (key === NEW_RESIDENT_KEY) {
    openid = `guest-${randomBytes(9).toString('hex')}`
  } else {
    if (!key.startsWith(DEMO_OPENID_PREFIX)) throw notFound('演示账号')
    const exists = await openidExists(app.ds.manager, key)
    if (!exists) throw notFound('演示账号')
    openid = key
  }
  return { code: await mintStandinCode(app.wechatStandinUrl, openid) }
}
