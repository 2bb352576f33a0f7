import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import ChatPage from '.'
import { realtime } from '../../services/realtime'
import { saveStoredSession } from '../../services/session-storage'
import { signIn } from '../../stores/session'
import { residentPair } from '../../test/fixtures'
import { fakeSockets } from '../../test/fake-socket'
import { detail, message, receipts } from '../../test/message-fixtures'
import { serve, type Call, type Reply } from '../../test/serve'
import { setRouterParams } from '../../test/setup-env'

const officerSays = (seq: number, text: string) =>
  message(seq, { side: 'officer', sender: { userId: 7, name: '王建国' }, text, clientId: null })
const page = (items = [message(1), officerSays(2, '您好，我是王建国')], r = receipts({ staffReadSeq: 1, staffDeliveredSeq: 1 })) => ({
  items,
  receipts: r,
  lastSeq: 2,
  hasOlder: false,
})
const ok = (data: unknown, statusCode = 200): Reply => ({ statusCode, data })
const bodyOf = (c: Call) => c.data as Record<string, unknown>

/** The server for one conversation; `send` answers the POSTs of new messages. */
function server(send: (c: Call) => Reply, extra: (c: Call) => Reply | undefined = () => undefined) {
  return serve((c) => {
    const special = extra(c)
    if (special) return special
    if (c.url === '/api/conversations/31') return ok(detail())
    if (c.url.startsWith('/api/conversations/31/messages') && c.method === 'POST') return send(c)
    if (c.url.startsWith('/api/conversations/31/messages?afterSeq')) return ok({ ...page([]), lastSeq: 2 })
    if (c.url.startsWith('/api/conversations/31/messages')) return ok(page())
    if (c.url === '/api/conversations/31/read') return ok(receipts({ residentReadSeq: Number(bodyOf(c).seq) }))
    return ok({ messages: 0, notices: 0, total: 0 })
  })
}

const stored = (c: Call, seq: number) =>
  ok({ message: message(seq, { clientId: String(bodyOf(c).clientId), text: String(bodyOf(c).text) }), replayed: false }, 201)

function type(text: string) {
  fireEvent.change(document.querySelector('.chat-compose__input')!, { target: { value: text } })
}

beforeAll(() => {
  Element.prototype.scrollIntoView = jest.fn()
})
beforeEach(() => {
  Taro.clearStorageSync()
  saveStoredSession(residentPair)
  signIn(residentPair)
  setRouterParams({ id: '31' })
  jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' })
  jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never)
})
afterEach(() => {
  realtime.stop()
  setRouterParams({})
  jest.restoreAllMocks()
})

describe('在线留言 (resident)', () => {
  it('shows the conversation, reads it, and sends a message that turns 已发送', async () => {
    const calls = server((c) => stored(c, 3))
    render(<ChatPage />)
    expect(await screen.findByText('您好，我是王建国')).toBeTruthy()
    expect(screen.getByText('楼长民警 王建国')).toBeTruthy()
    expect(screen.getByText('已读')).toBeTruthy() // the officer has read my first message
    await waitFor(() => expect(calls.find((c) => c.url === '/api/conversations/31/read')?.data).toEqual({ seq: 2 }))

    type('楼道灯又坏了')
    fireEvent.click(screen.getByText('发送'))
    expect(await screen.findByText('楼道灯又坏了')).toBeTruthy()
    await screen.findByText('已发送')
    const sent = calls.find((c) => c.method === 'POST' && c.url === '/api/conversations/31/messages')!
    expect(bodyOf(sent)).toMatchObject({ kind: 'text', text: '楼道灯又坏了' })
    expect(String(bodyOf(sent).clientId)).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
  })

  it('keeps a failed message with 重发, which sends it again under the same client id', async () => {
    let attempts = 0
    const calls = server((c) =>
      ++attempts === 1 ? ok({ error: { code: 'rate_limited', message: '发送太频繁，请稍后再试' } }, 429) : stored(c, 3),
    )
    render(<ChatPage />)
    await screen.findByText('您好，我是王建国')
    type('有人在楼道里吸烟')
    fireEvent.click(screen.getByText('发送'))
    fireEvent.click(await screen.findByText('发送失败，点击重发'))
    await screen.findByText('已发送')
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '发送太频繁，请稍后再试' }))
    const posts = calls.filter((c) => c.method === 'POST' && c.url === '/api/conversations/31/messages')
    expect(posts).toHaveLength(2)
    expect(bodyOf(posts[1]!).clientId).toBe(bodyOf(posts[0]!).clientId)
    expect(screen.getAllByText('有人在楼道里吸烟')).toHaveLength(1)
  })

  it('refuses an empty message without sending it', async () => {
    const calls = server((c) => stored(c, 3))
    render(<ChatPage />)
    await screen.findByText('您好，我是王建国')
    type('   ')
    fireEvent.click(screen.getByText('发送'))
    expect(await screen.findByText('请输入消息内容')).toBeTruthy()
    expect(calls.some((c) => c.method === 'POST' && c.url.endsWith('/messages'))).toBe(false)
  })

  it('shows live replies, fetches a gap after a skipped seq, and moves to 已读 on a receipt', async () => {
    const sockets = fakeSockets()
    const calls = server(
      (c) => stored(c, 3),
      (c) => {
        if (c.url === '/api/conversations/31/messages?limit=30') return ok(page(undefined, receipts({ staffDeliveredSeq: 1 })))
        if (c.url === '/api/conversations/31/messages?afterSeq=3&limit=100')
          return ok({ ...page([officerSays(4, '第四条'), officerSays(5, '第五条')]), lastSeq: 5 })
        return undefined
      },
    )
    realtime.start()
    render(<ChatPage />)
    await screen.findByText('您好，我是王建国')
    expect(screen.getByText('已送达')).toBeTruthy()
    await waitFor(() => expect(sockets).toHaveLength(1))
    act(() => sockets[0]!.accept())
    // Back online: whatever came meanwhile is fetched.
    await waitFor(() => expect(calls.some((c) => c.url === '/api/conversations/31/messages?afterSeq=2&limit=100')).toBe(true))

    act(() => sockets[0]!.receive({ type: 'message', message: officerSays(3, '我马上过去看看') }))
    expect(await screen.findByText('我马上过去看看')).toBeTruthy()
    expect(sockets[0]!.sent).toContainEqual({ type: 'ack', conversationId: 31, seq: 3 })

    act(() => sockets[0]!.receive({ type: 'message', message: officerSays(5, '第五条') }))
    expect(await screen.findByText('第四条')).toBeTruthy()
    expect(calls.some((c) => c.url === '/api/conversations/31/messages?afterSeq=3&limit=100')).toBe(true)

    act(() => sockets[0]!.receive({ type: 'receipts', conversationId: 31, receipts: receipts({ staffDeliveredSeq: 1, staffReadSeq: 1 }) }))
    expect(await screen.findByText('已读')).toBeTruthy()
  })

  it('when the server loses Redis it says messages may be late, and when it resumes shows the ones missed meanwhile', async () => {
    const sockets = fakeSockets()
    let missed = false
    const calls = server(
      (c) => stored(c, 3),
      (c) =>
        c.url === '/api/conversations/31/messages?afterSeq=2&limit=100' && missed
          ? ok({ ...page([officerSays(3, '灯明天上午换')]), lastSeq: 3 })
          : undefined,
    )
    realtime.start()
    render(<ChatPage />)
    await screen.findByText('您好，我是王建国')
    await waitFor(() => expect(sockets).toHaveLength(1))
    act(() => sockets[0]!.accept())

    act(() => sockets[0]!.receive({ type: 'degraded' }))
    expect(await screen.findByText('网络不稳定，新消息可能稍有延迟')).toBeTruthy()
    missed = true // the officer answered through another instance; no frame came
    const before = calls.length
    act(() => sockets[0]!.receive({ type: 'resumed' }))
    expect(await screen.findByText('灯明天上午换')).toBeTruthy()
    expect(calls.slice(before).some((c) => c.url === '/api/conversations/31/messages?afterSeq=2&limit=100')).toBe(true)
    await waitFor(() => expect(screen.queryByText('网络不稳定，新消息可能稍有延迟')).toBeNull())
  })

  it('says clearly when the duty desk takes over after the resident writes', async () => {
    const cover = { reason: 'off_duty' as const, since: '2025-11-23T06:05:00.000Z', deskName: '幸福路街道值班台' }
    let covered = false
    server(
      (c) => {
        covered = true // the officer is off duty: this message went to the desk
        return stored(c, 3)
      },
      (c) => (c.url === '/api/conversations/31' ? ok(detail({ deskCover: covered ? cover : null })) : undefined),
    )
    render(<ChatPage />)
    await screen.findByText('您好，我是王建国')
    expect(screen.queryByText(/代为回复/)).toBeNull()
    type('灯还是没亮')
    fireEvent.click(screen.getByText('发送'))
    expect(await screen.findByText('王民警不在岗，幸福路街道值班台 代为回复')).toBeTruthy()
  })
})
