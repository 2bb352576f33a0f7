import { fireEvent, render, screen } from '@testing-library/react'
import ConfirmPanel from './ConfirmPanel'
import { building } from '../../test/fixtures'

describe('ConfirmPanel (bind page)', () => {
  it('asks for the unit before binding a building that has units', () => {
    const onConfirm = jest.fn()
    render(<ConfirmPanel building={building} saving={false} onConfirm={onConfirm} onCancel={jest.fn()} />)

    fireEvent.click(screen.getByText('确认绑定到 幸福社区 3号楼'))
    expect(screen.getByText('请选择您住的单元')).toBeTruthy()
    expect(onConfirm).not.toHaveBeenCalled()

    fireEvent.click(screen.getByText('2单元'))
    expect(screen.queryByText('请选择您住的单元')).toBeNull()
    fireEvent.click(screen.getByText('确认绑定到 幸福社区 3号楼'))
    expect(onConfirm).toHaveBeenCalledWith({ buildingId: 11, unitId: 22 })
  })

  it('binds a building without units directly', () => {
    const onConfirm = jest.fn()
    render(<ConfirmPanel building={{ ...building, units: [] }} saving={false} onConfirm={onConfirm} onCancel={jest.fn()} />)
    expect(screen.getByText('该楼栋不分单元')).toBeTruthy()
    fireEvent.click(screen.getByText('确认绑定到 幸福社区 3号楼'))
    expect(onConfirm).toHaveBeenCalledWith({ buildingId: 11, unitId: null })
  })
})
