import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { OfficerOverview } from '@anju/shared'
import NoticeComposePage from '.'
import { saveStoredSession } from '../../services/session-storage'
import { signIn } from '../../stores/session'
import { notice } from '../../test/message-fixtures'
import { serve } from '../../test/serve'
import { officerPair } from '../../test/staff-fixtures'

const overview = {
  officer: {},
  buildings: [
    { id: 11, name: '3号楼', community: '幸福社区', grid: '第一网格', residents: 24 },
    { id: 12, name: '4号楼', community: '幸福社区', grid: '第一网格', residents: 12 },
  ],
  totalResidents: 36,
} as unknown as OfficerOverview

beforeEach(() => {
  Taro.clearStorageSync()
  saveStoredSession(officerPair)
  signIn(officerPair)
})
afterEach(() => jest.restoreAllMocks())

describe('发布通知', () => {
  it('checks the form, posts to the chosen buildings once, and shows how many households it reached', async () => {
    const posted = notice(9, { kind: 'utility', title: '周六上午停水', reach: { buildings: 1, residents: 24, read: 0 } })
    const calls = serve((c) =>
      c.url === '/api/officer/overview' ? { statusCode: 200, data: overview } : { statusCode: 201, data: posted },
    )
    render(<NoticeComposePage />)

    fireEvent.click(await screen.findByText('发布通知'))
    expect(await screen.findByText('请选择通知类型')).toBeTruthy()
    expect(screen.getByText('标题至少 2 个字')).toBeTruthy()
    expect(calls.some((c) => c.method === 'POST')).toBe(false)

    fireEvent.click(screen.getByText('停水停电'))
    fireEvent.input(screen.getByPlaceholderText('例如：近期冒充公检法诈骗高发'), { target: { value: '周六上午停水' } })
    fireEvent.change(screen.getByPlaceholderText('写清楚时间、地点和要注意的事'), {
      target: { value: '周六 8:00–12:00 管道检修，请提前储水。' },
    })
    expect(await screen.findByText('我负责的全部楼栋（2 栋）')).toBeTruthy()
    fireEvent.click(screen.getByText('幸福社区 3号楼（24 户）'))
    fireEvent.click(screen.getByText('发布通知'))

    expect(await screen.findByText('通知已发布')).toBeTruthy()
    expect(screen.getByText('已读 0 / 24 户 · 发布到 1 栋楼')).toBeTruthy()
    const post = calls.find((c) => c.method === 'POST')!
    expect(post.url).toBe('/api/notices')
    expect(post.data).toMatchObject({
      kind: 'utility',
      title: '周六上午停水',
      body: '周六 8:00–12:00 管道检修，请提前储水。',
      buildingIds: [11],
    })
    await waitFor(() => expect(String((post.data as { clientId: string }).clientId)).toMatch(/^[A-Za-z0-9_-]{8,64}$/))
  })
})
