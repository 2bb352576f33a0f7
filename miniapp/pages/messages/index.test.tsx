import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import MessagesPage from '.'
import { saveStoredSession } from '../../services/session-storage'
import { signIn } from '../../stores/session'
import { residentPair } from '../../test/fixtures'
import { detail, notice, summary } from '../../test/message-fixtures'
import { serve, type Call } from '../../test/serve'
import { dispatcherPair, officerPair } from '../../test/staff-fixtures'

const ok = (data: unknown, statusCode = 200) => ({ statusCode, data })
const query = (c: Call) => new URLSearchParams(c.url.split('?')[1] ?? '')
const empty = { items: [], nextCursor: null }

beforeEach(() => {
  Taro.clearStorageSync()
  jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never)
  jest.spyOn(Taro, 'setTabBarBadge').mockResolvedValue({ errMsg: 'setTabBarBadge:ok' })
  jest.spyOn(Taro, 'removeTabBarBadge').mockResolvedValue({ errMsg: 'removeTabBarBadge:ok' })
})
afterEach(() => jest.restoreAllMocks())

function as(pair: typeof residentPair) {
  saveStoredSession(pair)
  signIn(pair)
}

/** Every page asks /api/me first; the rest is the test's. */
function serveAs(pair: typeof residentPair, handler: (c: Call) => { statusCode: number; data: unknown }) {
  const me = { user: pair.user, residence: null, scope: null }
  return serve((c) => (c.url === '/api/me' ? ok(me) : handler(c)))
}

describe('消息 (resident)', () => {
  it('starts the conversation with the officer, reads a notice, and shows the unread badge', async () => {
    as(residentPair)
    const calls = serveAs(residentPair, (c) => {
      if (c.url === '/api/messages/unread') return ok({ messages: 0, notices: 1, total: 1 })
      if (c.url.startsWith('/api/conversations?')) return ok(empty)
      if (c.url === '/api/conversations' && c.method === 'POST') return ok(detail(), 201)
      if (c.url.startsWith('/api/notices?')) return ok({ items: [notice(1)], nextCursor: null })
      if (c.url === '/api/notices/1/read') return ok(null, 204)
      return ok({})
    })
    render(<MessagesPage />)

    await waitFor(() => expect(Taro.setTabBarBadge).toHaveBeenCalledWith({ index: 2, text: '1' }))
    expect(await screen.findByText('警惕冒充公检法的电话诈骗')).toBeTruthy()
    fireEvent.click(screen.getByText('警惕冒充公检法的电话诈骗'))
    await waitFor(() => expect(screen.queryByText('未读')).toBeNull())
    expect(calls.some((c) => c.url === '/api/notices/1/read' && c.method === 'POST')).toBe(true)

    fireEvent.click(await screen.findByText('给楼长民警留言'))
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/chat/index?id=31' }))
  })

  it('opens the conversation the resident already has', async () => {
    as(residentPair)
    serveAs(residentPair, (c) => {
      if (c.url.startsWith('/api/conversations?')) return ok({ items: [summary({ unread: 2 })], nextCursor: null })
      if (c.url.startsWith('/api/notices?')) return ok(empty)
      return ok({ messages: 2, notices: 0, total: 2 })
    })
    render(<MessagesPage />)
    fireEvent.click(await screen.findByText('楼长民警 王建国'))
    expect(screen.getByLabelText('2 条未读')).toBeTruthy()
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/chat/index?id=31' })
    expect(await screen.findByText('暂时没有社区通知')).toBeTruthy()
  })
})

describe('消息 (staff)', () => {
  it('gives the officer the inbox by filter and search, and their notices with read counts', async () => {
    as(officerPair)
    const calls = serveAs(officerPair, (c) => {
      if (c.url.startsWith('/api/conversations?')) return ok({ items: [summary({ unread: 3 })], nextCursor: null })
      if (c.url.startsWith('/api/notices?'))
        return ok({ items: [notice(4, { reach: { buildings: 3, residents: 36, read: 12 } })], nextCursor: null })
      return ok({ messages: 3, notices: 0, total: 3 })
    })
    render(<MessagesPage />)

    expect(await screen.findByLabelText('3 条未读')).toBeTruthy()
    const inbox = () => calls.filter((c) => c.url.startsWith('/api/conversations?')).map(query)
    expect(inbox()[0]!.get('filter')).toBe('all')
    expect(screen.queryByText('值班代回')).toBeNull()
    fireEvent.click(screen.getByText('待处理'))
    await waitFor(() => expect(inbox().pop()!.get('filter')).toBe('open'))
    fireEvent.input(screen.getByPlaceholderText('搜索居民姓名或楼栋'), { target: { value: '3号楼' } })
    fireEvent.click(screen.getByText('搜索'))
    await waitFor(() => expect(inbox().pop()!.get('q')).toBe('3号楼'))

    fireEvent.click(screen.getByText('我发布的通知'))
    expect(await screen.findByText('已读 12 / 36 户 · 发布到 3 栋楼')).toBeTruthy()
    fireEvent.click(screen.getByText('发布通知'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/notice-compose/index' })
  })

  it('starts the duty desk on the conversations it covers (值班代回)', async () => {
    as(dispatcherPair)
    const calls = serveAs(dispatcherPair, (c) =>
      c.url.startsWith('/api/conversations?') ? ok(empty) : ok({ messages: 0, notices: 0, total: 0 }),
    )
    render(<MessagesPage />)
    expect(await screen.findByText('现在没有需要值班台代回的留言')).toBeTruthy()
    expect(query(calls.find((c) => c.url.startsWith('/api/conversations?'))!).get('filter')).toBe('desk')
    expect(screen.getByText('值班代回')).toBeTruthy()
  })
})
