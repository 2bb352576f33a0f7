import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import JoinPage from '.'
import { loadStoredSession, saveStoredSession } from '../../services/session-storage'
import { residentPair } from '../../test/fixtures'
import { serve } from '../../test/serve'

function type(placeholder: string, value: string) {
  fireEvent.input(screen.getByPlaceholderText(placeholder), { target: { value } })
}

beforeEach(() => {
  Taro.clearStorageSync()
  saveStoredSession(residentPair)
  jest.spyOn(Taro, 'reLaunch').mockResolvedValue({ errMsg: 'reLaunch:ok' })
  jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' })
})
afterEach(() => jest.restoreAllMocks())

describe('JoinPage', () => {
  it('checks the form in Chinese before sending anything', () => {
    const calls = serve(() => ({ statusCode: 500, data: null }))
    render(<JoinPage />)
    type('6 位数字', '12345')
    fireEvent.click(screen.getByText('确认加入'))
    expect(screen.getByText('请输入完整的邀请码')).toBeTruthy()
    expect(screen.getByText('请填写真实姓名')).toBeTruthy()
    expect(screen.getByText('警号为 6 位数字')).toBeTruthy()
    expect(calls).toHaveLength(0)
  })

  it('redeems the invite, keeps the new staff tokens and goes home', async () => {
    const officerPair = { ...residentPair, accessToken: 'access-officer', user: { id: 5, role: 'officer', name: '王建国' } }
    const calls = serve(() => ({ statusCode: 200, data: officerPair }))
    render(<JoinPage />)
    type('请输入邀请码', 'K7P2QX9M')
    type('请输入姓名', '王建国')
    type('6 位数字', '150201')
    type('手机号或座机号', '13800000007')
    fireEvent.click(screen.getByText('确认加入'))

    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' }))
    expect(calls[0]?.data).toEqual({ code: 'K7P2QX9M', name: '王建国', policeNumber: '150201', phone: '13800000007' })
    expect(loadStoredSession()?.user.role).toBe('officer')
  })

  it('leaves out the optional fields a volunteer does not fill', async () => {
    const calls = serve(() => ({ statusCode: 400, data: { error: { code: 'invite_invalid', message: '邀请码无效或已过期' } } }))
    render(<JoinPage />)
    type('请输入邀请码', 'K7P2QX9M')
    type('请输入姓名', '赵律师')
    fireEvent.click(screen.getByText('确认加入'))
    expect(await screen.findByText('邀请码无效或已过期')).toBeTruthy()
    expect(calls[0]?.data).toEqual({ code: 'K7P2QX9M', name: '赵律师' })
  })
})
