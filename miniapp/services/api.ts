import type {
  BindResidenceInput,
  BuildingLeadCard,
  BuildingSummary,
  CreateInviteInput,
  DeskOverview,
  Invite,
  LoginOptions,
  Me,
  OfficerCard,
  OfficerOverview,
  OfficerProfileUpdate,
  RedeemInviteInput,
  TokenPair,
} from '@anju/shared'
import { request } from './request'

/** One typed function per endpoint; the server's OpenAPI document is at /api/openapi.json. */

/** The communities list has no schema in shared yet; it mirrors the server's response. */
export interface Community {
  id: number
  name: string
  street: string
}

export const getLoginOptions = () => request<LoginOptions>('/api/auth/options', { auth: false })

export const getDemoCode = (key: string) => request<{ code: string }>('/api/auth/demo-code', { method: 'POST', data: { key }, auth: false })

export const loginWithWechatCode = (code: string) =>
  request<TokenPair>('/api/auth/wechat-login', { method: 'POST', data: { code }, auth: false })

export const logout = (refreshToken: string) => request<null>('/api/auth/logout', { method: 'POST', data: { refreshToken }, auth: false })

export const redeemInvite = (input: RedeemInviteInput) => request<TokenPair>('/api/auth/redeem-invite', { method: 'POST', data: input })

export const getMe = () => request<Me>('/api/me')

export const renameMe = (name: string) => request<Me>('/api/me', { method: 'PATCH', data: { name } })

export const bindResidence = (input: BindResidenceInput) => request<Me>('/api/me/residence', { method: 'PUT', data: input })

export const getBuildingLead = () => request<BuildingLeadCard>('/api/me/building-lead')

export const searchBuildings = (query: { q?: string; communityId?: number; limit?: number }) =>
  request<{ items: BuildingSummary[] }>('/api/places/buildings', { query })

export const getBuildingByCode = (code: string) => request<BuildingSummary>(`/api/places/buildings/by-code/${encodeURIComponent(code)}`)

export const listCommunities = () => request<{ items: Community[] }>('/api/places/communities')

export const getOfficerOverview = () => request<OfficerOverview>('/api/officer/overview')

export const updateOfficerProfile = (input: OfficerProfileUpdate) =>
  request<OfficerCard>('/api/officer/profile', { method: 'PATCH', data: input })

export const getDeskOverview = () => request<DeskOverview>('/api/desk/overview')

export const createInvite = (input: CreateInviteInput) => request<Invite>('/api/invites', { method: 'POST', data: input })

export const listInvites = () => request<{ items: Invite[] }>('/api/invites')
