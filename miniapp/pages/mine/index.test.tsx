import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { Me } from '@anju/shared'
import MinePage from '.'
import { saveStoredSession } from '../../services/session-storage'
import { residentPair } from '../../test/fixtures'
import { serve } from '../../test/serve'

beforeEach(() => {
  Taro.clearStorageSync()
  jest.spyOn(Taro, 'reLaunch').mockResolvedValue({ errMsg: 'reLaunch:ok' })
  jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' })
})
afterEach(() => jest.restoreAllMocks())

const TITLED = '值班民警王强'

/** Signs in as `me` and answers GET and PATCH /api/me; returns the calls made. */
function signedInAs(me: Me) {
  saveStoredSession({ ...residentPair, user: me.user })
  return serve((c) => {
    if (c.url === '/api/me' && c.method === 'PATCH')
      return { statusCode: 200, data: { ...me, user: { ...me.user, ...(c.data as object) } } }
    if (c.url === '/api/me') return { statusCode: 200, data: me }
    return { statusCode: 200, data: { items: [] } }
  })
}

async function saveNameAgain() {
  fireEvent.click(await screen.findByText('修改称呼'))
  fireEvent.click(screen.getByText('保存'))
}

describe('我的：修改称呼', () => {
  it('a staff member whose name (from the invite) carries a title can save it again', async () => {
    const calls = signedInAs({
      user: { id: 9, role: 'officer', name: TITLED },
      residence: null,
      scope: { id: 2, level: 'street', name: '幸福路街道' },
    })
    render(<MinePage />)
    await saveNameAgain()
    await waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true))
    expect(calls.find((c) => c.method === 'PATCH')?.data).toEqual({ name: TITLED })
    expect(screen.queryByText(/称呼不能使用/)).toBeNull()
  })

  it('a resident may not take a staff title: the form says so and sends nothing', async () => {
    const calls = signedInAs({ user: { id: 5, role: 'resident', name: TITLED }, residence: null, scope: null })
    render(<MinePage />)
    await saveNameAgain()
    expect(await screen.findByText(/称呼不能使用/)).toBeTruthy()
    expect(calls.some((c) => c.method === 'PATCH')).toBe(false)
  })
})
