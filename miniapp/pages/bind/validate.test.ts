import { checkBinding } from './validate'
import { building } from '../../test/fixtures'

describe('checkBinding (bind page validation)', () => {
  it('needs a building', () => {
    expect(checkBinding(null, null)).toEqual({ ok: false, message: '请先选择您住的楼栋' })
  })

  it('refuses a unit of another building', () => {
    expect(checkBinding(building, 999)).toEqual({ ok: false, message: '所选单元不属于这栋楼，请重新选择' })
  })

  it('gives the API body with or without the unit', () => {
    expect(checkBinding(building, 21)).toEqual({ ok: true, input: { buildingId: 11, unitId: 21 } })
    expect(checkBinding(building, null)).toEqual({ ok: true, input: { buildingId: 11, unitId: null } })
  })
})
