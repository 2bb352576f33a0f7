import { fireEvent, render, screen } from '@testing-library/react'
import ConfirmPanel from './ConfirmPanel'
import { building } from '../../test/fixtures'

describe('ConfirmPanel (bind page)', () => {
  it('binds the building with the unit the resident taps', () => {
    const onConfirm = jest.fn()
    render(<ConfirmPanel building={building} saving={false} onConfirm={onConfirm} onCancel={jest.fn()} />)
    fireEvent.click(screen.getByText('2单元'))
    fireEvent.click(screen.getByText('确认绑定到 幸福社区 3号楼'))
    expect(onConfirm).toHaveBeenCalledWith({ buildingId: 11, unitId: 22 })
  })

  it('lets a resident who does not know the unit leave it out', () => {
    const onConfirm = jest.fn()
    render(<ConfirmPanel building={building} saving={false} onConfirm={onConfirm} onCancel={jest.fn()} />)
    expect(screen.getByText('不清楚是几单元，可以不选')).toBeTruthy()
    fireEvent.click(screen.getByText('1单元'))
    fireEvent.click(screen.getByText('1单元')) // a second tap clears the choice
    fireEvent.click(screen.getByText('确认绑定到 幸福社区 3号楼'))
    expect(onConfirm).toHaveBeenCalledWith({ buildingId: 11, unitId: null })
  })

  it('binds a building without units directly', () => {
    const onConfirm = jest.fn()
    render(<ConfirmPanel building={{ ...building, units: [] }} saving={false} onConfirm={onConfirm} onCancel={jest.fn()} />)
    expect(screen.getByText('该楼栋不分单元')).toBeTruthy()
    fireEvent.click(screen.getByText('确认绑定到 幸福社区 3号楼'))
    expect(onConfirm).toHaveBeenCalledWith({ buildingId: 11, unitId: null })
  })
})
