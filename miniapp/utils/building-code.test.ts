import { parseBuildingCode } from './building-code'

describe('parseBuildingCode', () => {
  it('reads the code from the URL printed on the building QR code', () => {
    expect(parseBuildingCode('https://anju.example.cn/?building=QS-111-01')).toBe('QS-111-01')
    expect(parseBuildingCode('https://anju.example.cn/pages/bind/index?from=qr&building=QS_112_01#top')).toBe('QS_112_01')
  })

  it('accepts a bare code and rejects anything else', () => {
    expect(parseBuildingCode(' QS-111-01 ')).toBe('QS-111-01')
    expect(parseBuildingCode('https://example.com/pay?order=1')).toBeNull()
    expect(parseBuildingCode('去幸福社区3号楼')).toBeNull()
    expect(parseBuildingCode('https://anju.example.cn/?building=%E6%A5%BC')).toBeNull()
  })
})
