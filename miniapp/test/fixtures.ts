import type { BuildingSummary, Me, TokenPair } from '@anju/shared'

export const building: BuildingSummary = {
  id: 11,
  code: 'QS-111-01',
  name: '3号楼',
  address: '幸福路 18 号',
  community: '幸福社区',
  street: '幸福路街道',
  district: '青山区',
  units: [
    { id: 21, name: '1单元' },
    { id: 22, name: '2单元' },
  ],
}

export const residentPair: TokenPair = {
  accessToken: 'access-resident',
  refreshToken: 'refresh-resident-0123456789abcdef',
  expiresIn: 900,
  user: { id: 5, role: 'resident', name: '李阿姨' },
}

export const boundMe: Me = {
  user: { id: 5, role: 'resident', name: '李阿姨' },
  residence: {
    building: { id: 11, name: '3号楼', community: '幸福社区', street: '幸福路街道' },
    unit: { id: 22, name: '2单元' },
  },
  scope: null,
}
