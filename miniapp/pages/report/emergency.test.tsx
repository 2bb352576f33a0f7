import { fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import ReportPage from '.'
import { saveStoredSession } from '../../services/session-storage'
import { boundMe, residentPair } from '../../test/fixtures'
import { serve, type Call } from '../../test/serve'
import { categories, receipt } from '../../test/ticket-fixtures'

/** The 110 prompt on 上报 comes from the shared guard: dangers happening now, not worries. */
function fakeServer() {
  return serve((call) => {
    if (call.url === '/api/me') return { statusCode: 200, data: boundMe }
    if (call.url === '/api/ticket-categories?kind=hazard') return { statusCode: 200, data: { items: categories } }
    if (call.url === '/api/tickets' && call.method === 'POST') return { statusCode: 201, data: receipt() }
    return { statusCode: 404, data: { error: { code: 'not_found', message: '接口不存在' } } }
  })
}
const posts = (calls: Call[]) => calls.filter((c) => c.url === '/api/tickets' && c.method === 'POST')

async function submit(text: string) {
  render(<ReportPage />)
  fireEvent.click(await screen.findByText('消防安全'))
  fireEvent.input(screen.getByPlaceholderText('请写清楚发生了什么、在哪里、从什么时候开始'), { target: { value: text } })
  fireEvent.click(screen.getByText('提交'))
}

beforeEach(() => {
  Taro.clearStorageSync()
  saveStoredSession(residentPair)
  jest.spyOn(Taro, 'reLaunch').mockResolvedValue({ errMsg: 'reLaunch:ok' })
  jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never)
  jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'redirectTo:ok' } as never)
  jest.spyOn(Taro, 'setNavigationBarTitle').mockResolvedValue({ errMsg: 'setNavigationBarTitle:ok' })
})
afterEach(() => jest.restoreAllMocks())

describe('上报: the 110 prompt', () => {
  it('有人拿着刀在楼道里追人 stops the submit and names the danger', async () => {
    const calls = fakeServer()
    await submit('有人拿着刀在楼道里追人')
    expect(screen.getByText('您描述的情况可能正在发生危险（有人持刀械），请立即拨打110。')).toBeTruthy()
    expect(posts(calls)).toHaveLength(0)
  })

  it('担心起火 is a worry: sent at once, without the prompt, not acknowledged as an emergency', async () => {
    const calls = fakeServer()
    await submit('楼道堆满纸箱，担心起火')
    await screen.findByText('电子回执')
    expect(screen.queryByText('请先拨打110')).toBeNull()
    expect((posts(calls)[0]?.data as { emergencyAcknowledged: boolean }).emergencyAcknowledged).toBe(false)
  })
})
