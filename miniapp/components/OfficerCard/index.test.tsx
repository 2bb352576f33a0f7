import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { BuildingLeadCard, OfficerCard as Officer } from '@anju/shared'
import OfficerCard from '.'
import { saveStoredSession } from '../../services/session-storage'
import { residentPair } from '../../test/fixtures'
import { detail } from '../../test/message-fixtures'
import { serve } from '../../test/serve'

const officer: Officer = {
  userId: 7,
  name: '王建国',
  policeNumber: '150201',
  phone: '13800000007',
  photoUrl: null,
  station: '青山分局幸福路派出所',
  duties: ['宣传员', '安全员', '调解员'],
  dutyHoursText: '周一至周五 08:30–17:30',
  onDuty: true,
  status: 'on_duty',
  statusText: '在岗',
}

const building: BuildingLeadCard['building'] = {
  id: 11,
  name: '3号楼',
  community: '幸福社区',
  street: '幸福路街道',
  address: null,
}

describe('OfficerCard', () => {
  afterEach(() => jest.restoreAllMocks())

  it('shows the building-lead officer, on duty, and calls their phone', () => {
    const call = jest.spyOn(Taro, 'makePhoneCall').mockResolvedValue({ errMsg: 'makePhoneCall:ok' })
    render(<OfficerCard lead={{ building, officer, cover: null }} />)

    expect(screen.getByText('王建国')).toBeTruthy()
    expect(screen.getByText('警号 150201')).toBeTruthy()
    expect(screen.getByText('在岗')).toBeTruthy()
    expect(screen.getByText('青山分局幸福路派出所')).toBeTruthy()
    expect(screen.getByText('调解员')).toBeTruthy()
    expect(screen.getByText('值班时间：周一至周五 08:30–17:30')).toBeTruthy()
    // No photo: a round avatar with the surname.
    expect(screen.getByText('王')).toBeTruthy()

    fireEvent.click(screen.getByText('拨打电话'))
    expect(call).toHaveBeenCalledWith({ phoneNumber: '13800000007' })
  })

  it('says who covers while the officer rests and calls the duty desk instead', () => {
    const call = jest.spyOn(Taro, 'makePhoneCall').mockResolvedValue({ errMsg: 'makePhoneCall:ok' })
    const resting: Officer = { ...officer, onDuty: false, status: 'off_duty', statusText: '休息中' }
    const dutyDesk = { id: 2, name: '幸福路街道值班台', phone: '0472-5100110', placeName: '幸福路街道' }
    render(<OfficerCard lead={{ building, officer: resting, cover: { reason: 'off_duty', dutyDesk } }} />)

    expect(screen.getByText('休息中')).toBeTruthy()
    expect(screen.getByText('民警休息中，现由 幸福路街道值班台 值守')).toBeTruthy()
    expect(screen.getByText('值班电话：0472-5100110')).toBeTruthy()

    fireEvent.click(screen.getByText('拨打电话'))
    expect(call).toHaveBeenCalledWith({ phoneNumber: '0472-5100110' })
    expect(call).not.toHaveBeenCalledWith({ phoneNumber: officer.phone })
  })

  it('names the duty desk when the building has no officer yet', () => {
    const dutyDesk = { id: 2, name: '幸福路街道值班台', phone: '0472-5100110', placeName: '幸福路街道' }
    render(<OfficerCard lead={{ building, officer: null, cover: { reason: 'no_officer', dutyDesk } }} />)
    expect(screen.getByText('本楼暂未配备楼长民警，现由 幸福路街道值班台 值守')).toBeTruthy()
  })

  it('opens the conversation with the officer from 在线留言', async () => {
    saveStoredSession(residentPair)
    jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never)
    const calls = serve(() => ({ statusCode: 201, data: detail() }))
    render(<OfficerCard lead={{ building, officer, cover: null }} />)
    fireEvent.click(screen.getByText('在线留言'))
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/chat/index?id=31' }))
    expect(calls[0]).toMatchObject({ url: '/api/conversations', method: 'POST' })
  })

  it('says why the conversation could not be opened', async () => {
    saveStoredSession(residentPair)
    serve(() => ({ statusCode: 409, data: { error: { code: 'conflict', message: '请先绑定您住的楼栋' } } }))
    render(<OfficerCard lead={{ building, officer, cover: null }} />)
    fireEvent.click(screen.getByText('在线留言'))
    expect(await screen.findByText('请先绑定您住的楼栋')).toBeTruthy()
  })

  it('shows the officer photo when there is one', () => {
    const { container } = render(
      <OfficerCard lead={{ building, officer: { ...officer, photoUrl: 'https://example.cn/p.jpg' }, cover: null }} />,
    )
    expect(container.innerHTML).toContain('https://example.cn/p.jpg')
    expect(screen.queryByText('王')).toBeNull()
  })
})
