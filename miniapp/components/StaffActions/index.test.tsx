import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { StaffActions } from '.'
import { saveStoredSession } from '../../services/session-storage'
import { detail, officerPair } from '../../test/staff-fixtures'
import { serve } from '../../test/serve'

const assignees = {
  items: [
    { userId: 7, name: '王建国', policeNumber: '150201', onDuty: true, buildings: 6 },
    { userId: 8, name: '赵敏', policeNumber: '150202', onDuty: true, buildings: 4 },
    { userId: 12, name: '孙立', policeNumber: '150207', onDuty: false, buildings: 3 },
  ],
}

/** Every action carries the key made when its form opened. */
const KEY = expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)

const type = (placeholder: string, value: string) => fireEvent.change(screen.getByPlaceholderText(placeholder), { target: { value } })

beforeEach(() => {
  Taro.clearStorageSync()
  saveStoredSession(officerPair)
  jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' })
})
afterEach(() => jest.restoreAllMocks())

describe('StaffActions', () => {
  it('offers exactly the staff actions the server allows now', () => {
    serve(() => ({ statusCode: 200, data: {} }))
    render(<StaffActions ticket={detail({ actions: ['resolve', 'transfer', 'note'] })} onChanged={jest.fn()} />)
    expect(screen.getByText('办结')).toBeTruthy()
    expect(screen.getByText('流转')).toBeTruthy()
    expect(screen.getByText('备注')).toBeTruthy()
    for (const hidden of ['受理', '不予受理', '升级', '派发', '吹哨', '回访', '开始处理']) expect(screen.queryByText(hidden)).toBeNull()
  })

  it('resolves with the result and hands the returned ticket up', async () => {
    const ticket = detail()
    const resolved = detail({ status: 'resolved', statusText: '已办结', actions: ['note', 'follow_up'] })
    const calls = serve(() => ({ statusCode: 200, data: resolved }))
    const onChanged = jest.fn()
    render(<StaffActions ticket={ticket} onChanged={onChanged} />)

    fireEvent.click(screen.getByText('办结'))
    type('写清楚怎么处理的、处理到什么程度，居民会看到', '已联系物业清理纸箱，消防通道已畅通')
    fireEvent.click(screen.getByText('确认办结'))

    await waitFor(() => expect(onChanged).toHaveBeenCalledWith(resolved))
    expect(calls).toHaveLength(1)
    expect(calls[0]).toMatchObject({ url: '/api/tickets/41/actions', method: 'POST' })
    expect(calls[0]!.data).toEqual({ action: 'resolve', clientKey: KEY, result: '已联系物业清理纸箱，消防通道已畅通', photoIds: [] })
  })

  it('sends the uploaded photos with the result', async () => {
    jest
      .spyOn(Taro, 'chooseImage')
      .mockResolvedValue({ tempFilePaths: ['wxfile://a.jpg'], tempFiles: [], errMsg: 'chooseImage:ok' } as never)
    const uploads = jest.spyOn(Taro, 'uploadFile').mockImplementation((() =>
      Promise.resolve({
        statusCode: 201,
        data: JSON.stringify({ id: 77, url: '/files/77.jpg', width: 800, height: 600, review: 'pass' }),
        errMsg: 'uploadFile:ok',
      })) as never)
    const calls = serve(() => ({ statusCode: 200, data: detail() }))
    render(<StaffActions ticket={detail()} onChanged={jest.fn()} />)

    fireEvent.click(screen.getByText('办结'))
    fireEvent.click(screen.getByText('添加照片'))
    await waitFor(() => expect(document.querySelector('.sa-photos__img')).toBeTruthy())
    expect(uploads.mock.calls[0]?.[0]).toMatchObject({
      url: expect.stringMatching(
        /^\/api\/uploads\?purpose=ticket&clientKey=[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      ),
      filePath: 'wxfile://a.jpg',
      name: 'file',
    })
    type('写清楚怎么处理的、处理到什么程度，居民会看到', '已清理')
    fireEvent.click(screen.getByText('确认办结'))
    await waitFor(() => expect(calls).toHaveLength(1))
    expect(calls[0]!.data).toEqual({ action: 'resolve', clientKey: KEY, result: '已清理', photoIds: [77] })
  })

  it('transfers to the officer picked, never offering the one who has it', async () => {
    const calls = serve((c) => (c.url.endsWith('/assignees') ? { statusCode: 200, data: assignees } : { statusCode: 200, data: detail() }))
    const onChanged = jest.fn()
    render(<StaffActions ticket={detail()} onChanged={onChanged} />)

    fireEvent.click(screen.getByText('流转'))
    fireEvent.click(await screen.findByText('赵敏'))
    expect(screen.queryByText('王建国')).toBeNull()
    type('如：不在我负责的楼栋，转给楼长民警', '该楼栋由赵敏负责')
    fireEvent.click(screen.getByText('确认流转'))

    await waitFor(() => expect(onChanged).toHaveBeenCalled())
    const sent = calls.find((c) => c.method === 'POST')
    expect(sent?.data).toEqual({ action: 'transfer', clientKey: KEY, officerUserId: 8, reason: '该楼栋由赵敏负责' })
  })

  it('asks for an officer before transferring', async () => {
    const calls = serve(() => ({ statusCode: 200, data: assignees }))
    render(<StaffActions ticket={detail()} onChanged={jest.fn()} />)
    fireEvent.click(screen.getByText('流转'))
    await screen.findByText('赵敏')
    type('如：不在我负责的楼栋，转给楼长民警', '不归我管')
    fireEvent.click(screen.getByText('确认流转'))
    expect(await screen.findByText('请选择民警')).toBeTruthy()
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0)
  })

  it('refuses to reject without a reason, in the schema’s words, and sends nothing', async () => {
    const calls = serve(() => ({ statusCode: 200, data: detail() }))
    render(
      <StaffActions ticket={detail({ status: 'submitted', actions: ['accept', 'reject', 'transfer', 'note'] })} onChanged={jest.fn()} />,
    )
    fireEvent.click(screen.getByText('不予受理'))
    type('居民会看到这段话，请写清原因和可以找谁办理', '   ')
    fireEvent.click(screen.getByText('确认不予受理'))
    expect(await screen.findByText('请填写不予受理的原因')).toBeTruthy()
    expect(calls).toHaveLength(0)
  })

  it('says when someone else acted first and shows the ticket as it is now', async () => {
    const fresh = detail({ status: 'resolved', statusText: '已办结', actions: ['note'] })
    serve((c) =>
      c.method === 'POST'
        ? { statusCode: 409, data: { error: { code: 'conflict', message: '工单状态已变化，请刷新后再试' } } }
        : { statusCode: 200, data: fresh },
    )
    const onChanged = jest.fn()
    render(<StaffActions ticket={detail()} onChanged={onChanged} />)
    fireEvent.click(screen.getByText('升级'))
    type('如：需要街道协调多个部门', '需要燃气公司配合')
    fireEvent.click(screen.getByText('确认升级'))
    expect(await screen.findByText('工单状态已变化，请刷新后再试')).toBeTruthy()
    await waitFor(() => expect(onChanged).toHaveBeenCalledWith(fresh))
  })

  it('records a department reporting in, then its response', async () => {
    const whistle = {
      id: 3,
      department: '燃气公司',
      note: '请到场检修',
      status: 'called' as const,
      calledAt: new Date().toISOString(),
      reportedAt: null,
      response: null,
      respondedAt: null,
    }
    const calls = serve(() => ({ statusCode: 200, data: detail() }))
    const ticket = detail({ actions: ['note', 'whistle', 'report_in'], whistles: [whistle] })
    const { rerender } = render(<StaffActions ticket={ticket} onChanged={jest.fn()} />)

    expect(screen.getByText('吹哨报到')).toBeTruthy()
    fireEvent.click(screen.getByText('燃气公司已报到'))
    await waitFor(() => expect(calls).toHaveLength(1))
    expect(calls[0]!.data).toEqual({ action: 'report_in', clientKey: KEY, whistleId: 3 })

    const reported = { ...whistle, status: 'reported' as const, reportedAt: new Date().toISOString() }
    rerender(<StaffActions ticket={{ ...ticket, whistles: [reported] }} onChanged={jest.fn()} />)
    type('部门的处理反馈', '已更换老化管道')
    fireEvent.click(screen.getByText('记录反馈'))
    await waitFor(() => expect(calls).toHaveLength(2))
    expect(calls[1]!.data).toEqual({ action: 'report_in', clientKey: KEY, whistleId: 3, response: '已更换老化管道' })
  })

  it('a retry after a lost answer sends the same clientKey; the next note gets a new one', async () => {
    let lose = true
    const calls = serve(() => {
      if (lose) {
        lose = false
        throw new Error('timeout')
      }
      return { statusCode: 200, data: detail() }
    })
    render(<StaffActions ticket={detail()} onChanged={jest.fn()} />)
    fireEvent.click(screen.getByText('备注'))
    type('办理过程中的情况', '已联系物业')
    fireEvent.click(screen.getByText('保存备注'))
    expect(await screen.findByText('网络连接失败，请检查网络后重试')).toBeTruthy()
    fireEvent.click(screen.getByText('保存备注'))
    await waitFor(() => expect(calls).toHaveLength(2))
    await waitFor(() => expect(screen.queryByText('保存备注')).toBeNull())
    fireEvent.click(screen.getByText('备注'))
    type('办理过程中的情况', '物业已清理')
    fireEvent.click(screen.getByText('保存备注'))
    await waitFor(() => expect(calls).toHaveLength(3))
    const keys = calls.map((c) => (c.data as { clientKey: string }).clientKey)
    expect(keys[0]).toEqual(KEY)
    expect(keys[1]).toBe(keys[0])
    expect(keys[2]).not.toBe(keys[0])
  })
})
