import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { MAX_DESCRIPTION_LENGTH } from '@anju/shared'
import ReportPage from '.'
import { saveStoredSession } from '../../services/session-storage'
import { boundMe, residentPair } from '../../test/fixtures'
import { serve, type Call, type Reply } from '../../test/serve'
import { setRouterParams } from '../../test/setup-env'
import { categories, disputeCategories, photo, receipt } from '../../test/ticket-fixtures'
import { draftStorageKey } from './draft'
import { SAVED_OFFLINE } from './ReportForm'

const networkDown = () => Promise.reject(new Error('request:fail timeout'))

/** The server of these tests: /api/me, the categories, and POST /api/tickets by `submit`. */
function fakeServer(submit: (call: Call) => Reply | Promise<Reply> = () => ({ statusCode: 201, data: receipt() })) {
  return serve((call) => {
    if (call.url === '/api/me') return { statusCode: 200, data: boundMe }
    if (call.url === '/api/ticket-categories?kind=hazard') return { statusCode: 200, data: { items: categories } }
    if (call.url === '/api/ticket-categories?kind=dispute') return { statusCode: 200, data: { items: disputeCategories } }
    if (call.url === '/api/tickets' && call.method === 'POST') return submit(call)
    return { statusCode: 404, data: { error: { code: 'not_found', message: '接口不存在' } } }
  })
}

const posts = (calls: Call[]) => calls.filter((c) => c.url === '/api/tickets' && c.method === 'POST')
const sent = (call: Call | undefined) => call?.data as Record<string, unknown>

function describe_(text: string) {
  fireEvent.input(screen.getByPlaceholderText('请写清楚发生了什么、在哪里、从什么时候开始'), { target: { value: text } })
}

async function fillForm(text = '3号楼2单元楼道堆满杂物，堵住了消防通道') {
  fireEvent.click(await screen.findByText('消防安全'))
  describe_(text)
}

beforeEach(() => {
  Taro.clearStorageSync()
  saveStoredSession(residentPair)
  jest.spyOn(Taro, 'reLaunch').mockResolvedValue({ errMsg: 'reLaunch:ok' })
  jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never)
  jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'redirectTo:ok' } as never)
  jest.spyOn(Taro, 'setNavigationBarTitle').mockResolvedValue({ errMsg: 'setNavigationBarTitle:ok' })
})
afterEach(() => {
  jest.restoreAllMocks()
  setRouterParams({})
})

describe('上报', () => {
  it('restores the draft when the page is opened again', async () => {
    fakeServer()
    const first = render(<ReportPage />)
    await fillForm('楼道里的灭火器过期了')
    fireEvent.click(screen.getByText('匿名反映'))
    first.unmount()

    render(<ReportPage />)
    const text = (await screen.findByPlaceholderText('请写清楚发生了什么、在哪里、从什么时候开始')) as HTMLTextAreaElement
    expect(text.value).toBe('楼道里的灭火器过期了')
    expect(screen.getByText(`10/${MAX_DESCRIPTION_LENGTH}`)).toBeTruthy()
    expect(screen.getByText('已开启')).toBeTruthy()
    await waitFor(() => expect(screen.getByText('消防安全').className).toContain('report-chip--on'))
  })

  it('when the server is busy (503), says so in its own words and keeps the draft', async () => {
    const message = '服务暂时不可用（数据库连接中断），请稍后再试'
    fakeServer(() => ({ statusCode: 503, header: { 'Retry-After': '60' }, data: { error: { code: 'unavailable', message } } }))
    render(<ReportPage />)
    await fillForm()
    fireEvent.click(screen.getByText('提交'))

    expect(await screen.findByText(`${message}（草稿已保存）`)).toBeTruthy()
    expect(screen.queryByText(SAVED_OFFLINE)).toBeNull()
    expect((Taro.getStorageSync(draftStorageKey('hazard')) as { description: string }).description).toBe(
      '3号楼2单元楼道堆满杂物，堵住了消防通道',
    )
  })

  it('keeps the draft when the network fails, and a retry sends the same clientKey', async () => {
    let attempt = 0
    const calls = fakeServer(() => (++attempt === 1 ? networkDown() : { statusCode: 201, data: receipt() }))
    render(<ReportPage />)
    await fillForm()
    fireEvent.click(screen.getByText('提交'))

    expect(await screen.findByText(SAVED_OFFLINE)).toBeTruthy()
    const kept = Taro.getStorageSync(draftStorageKey('hazard')) as { description: string; clientKey: string }
    expect(kept.description).toBe('3号楼2单元楼道堆满杂物，堵住了消防通道')

    fireEvent.click(screen.getByText('提交'))
    expect(await screen.findByText('电子回执')).toBeTruthy()
    const [firstTry, retry] = posts(calls)
    expect(sent(retry).clientKey).toBe(sent(firstTry).clientKey)
    expect(sent(retry).clientKey).toBe(kept.clientKey)
    expect(sent(retry)).toMatchObject({
      kind: 'hazard',
      categoryId: 1,
      location: { type: 'building', buildingId: 11 },
      anonymous: false,
      emergencyAcknowledged: false,
      subscribed: [],
    })
    // Cleared only now that the server has the ticket.
    expect(Taro.getStorageSync(draftStorageKey('hazard'))).toBeFalsy()
  })

  it('checks the form with the shared schema before sending', async () => {
    const calls = fakeServer()
    render(<ReportPage />)
    await screen.findByText('消防安全')
    fireEvent.input(screen.getByPlaceholderText('手机号或座机号'), { target: { value: '12345' } })
    fireEvent.click(screen.getByText('提交'))
    expect(screen.getByText('请选择问题类别')).toBeTruthy()
    expect(screen.getByText('请描述情况')).toBeTruthy()
    expect(screen.getByText('请输入正确的手机号或座机号')).toBeTruthy()
    expect(posts(calls)).toHaveLength(0)
  })

  it('uploads each photo at once and never takes a tenth', async () => {
    const calls = fakeServer()
    let nextId = 500
    const upload = jest
      .spyOn(Taro, 'uploadFile')
      .mockImplementation((() =>
        Promise.resolve({ statusCode: 201, data: JSON.stringify(photo(++nextId)), errMsg: 'uploadFile:ok' })) as never)
    const files = (n: number) => ({
      tempFiles: Array.from({ length: n }, (_, i) => ({ tempFilePath: `blob:photo-${i}`, size: 1000, fileType: 'image' })),
      type: 'image',
      errMsg: 'chooseMedia:ok',
    })
    const choose = jest
      .spyOn(Taro, 'chooseMedia')
      .mockResolvedValueOnce(files(7) as never)
      .mockResolvedValueOnce(files(5) as never)
    render(<ReportPage />)
    await fillForm()

    fireEvent.click(screen.getByText('添加照片'))
    await waitFor(() => expect(screen.getByText('照片（选填，7/9）')).toBeTruthy())
    fireEvent.click(screen.getByText('添加照片'))
    await waitFor(() => expect(screen.getByText('照片（选填，9/9）')).toBeTruthy())

    expect(choose).toHaveBeenNthCalledWith(1, { count: 9, mediaType: ['image'], sizeType: ['compressed'] })
    expect(choose).toHaveBeenNthCalledWith(2, { count: 2, mediaType: ['image'], sizeType: ['compressed'] })
    expect(upload).toHaveBeenCalledTimes(9)
    expect(upload.mock.calls[0]?.[0]).toMatchObject({
      url: expect.stringMatching(
        /^\/api\/uploads\?purpose=ticket&clientKey=[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      ),
      name: 'file',
      header: { Authorization: 'Bearer access-resident' },
    })
    // Each photo is its own upload: its own key.
    expect(new Set(upload.mock.calls.map((c) => (c[0] as { url: string }).url)).size).toBe(9)
    expect(screen.queryByText('添加照片')).toBeNull()
    expect(screen.getByText('最多 9 张照片，已经满了')).toBeTruthy()

    fireEvent.click(screen.getByText('提交'))
    await screen.findByText('电子回执')
    expect(sent(posts(calls)[0]).photoIds).toEqual([501, 502, 503, 504, 505, 506, 507, 508, 509])
  })

  it('shows a failed upload and uploads it again on retry', async () => {
    fakeServer()
    const upload = jest
      .spyOn(Taro, 'uploadFile')
      .mockImplementationOnce((() =>
        Promise.resolve({
          statusCode: 413,
          data: JSON.stringify({ error: { code: 'payload_too_large', message: '照片不能超过 10MB' } }),
          errMsg: 'uploadFile:ok',
        })) as never)
      .mockImplementationOnce((() =>
        Promise.resolve({ statusCode: 201, data: JSON.stringify(photo(77)), errMsg: 'uploadFile:ok' })) as never)
    jest.spyOn(Taro, 'chooseMedia').mockResolvedValue({
      tempFiles: [{ tempFilePath: 'blob:big', size: 1, fileType: 'image' }],
      type: 'image',
      errMsg: 'chooseMedia:ok',
    } as never)
    render(<ReportPage />)
    await fillForm()
    fireEvent.click(screen.getByText('添加照片'))
    expect(await screen.findByText('照片不能超过 10MB')).toBeTruthy()
    fireEvent.click(screen.getByText('提交'))
    expect(screen.getByText('有照片没有上传成功，请点“重试”或删除后再提交')).toBeTruthy()

    fireEvent.click(screen.getByText('点此重试'))
    await waitFor(() => expect(screen.queryByText('上传失败')).toBeNull())
    const kept = Taro.getStorageSync(draftStorageKey('hazard')) as { photos: Array<{ id: number }> }
    expect(kept.photos.map((p) => p.id)).toEqual([77])
    // The retry is the same upload to the server: a lost answer never stores the photo twice.
    const urls = upload.mock.calls.map((c) => (c[0] as { url: string }).url)
    expect(urls[0]).toMatch(
      /^\/api\/uploads\?purpose=ticket&clientKey=[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    )
    expect(urls[1]).toBe(urls[0])
  })

  it('puts 110 first when the words describe a danger, and 仍要提交 acknowledges it', async () => {
    const calls = fakeServer()
    const call = jest.spyOn(Taro, 'makePhoneCall').mockResolvedValue({ errMsg: 'makePhoneCall:ok' })
    render(<ReportPage />)
    await fillForm('楼下有人持刀打人')
    fireEvent.click(screen.getByText('提交'))

    expect(screen.getByText('您描述的情况可能正在发生危险（有人持刀械、有人打架或伤人），请立即拨打110。')).toBeTruthy()
    expect(posts(calls)).toHaveLength(0)
    fireEvent.click(screen.getByText('拨打110'))
    expect(call).toHaveBeenCalledWith({ phoneNumber: '110' })

    fireEvent.click(screen.getByText('仍要提交'))
    await screen.findByText('电子回执')
    expect(sent(posts(calls)[0]).emergencyAcknowledged).toBe(true)
  })

  it('asks the same way when the server finds an emergency', async () => {
    const calls = fakeServer((c) =>
      sent(c).emergencyAcknowledged
        ? { statusCode: 201, data: receipt() }
        : {
            statusCode: 409,
            data: { error: { code: 'emergency_confirm_required', message: '请立即拨打110', details: { signals: ['燃气泄漏'] } } },
          },
    )
    render(<ReportPage />)
    // Words the app's list does not catch; the server's check is the one that counts.
    await fillForm('厨房有股怪味，像是管道漏了')
    fireEvent.click(screen.getByText('提交'))
    expect(await screen.findByText('您描述的情况可能正在发生危险（燃气泄漏），请立即拨打110。')).toBeTruthy()
    fireEvent.click(screen.getByText('仍要提交'))
    await screen.findByText('电子回执')
    expect(posts(calls).map((c) => sent(c).emergencyAcknowledged)).toEqual([false, true])
  })

  it('opens with the kind from the link and keeps a draft per kind', async () => {
    setRouterParams({ kind: 'dispute' })
    fakeServer()
    render(<ReportPage />)
    fireEvent.click(await screen.findByText('邻里纠纷'))
    describe_('楼上每天半夜装修')
    fireEvent.click(screen.getByText('隐患上报'))
    // Nothing written as a hazard yet: the words move along, the category is chosen again.
    await screen.findByText('消防安全')
    expect((screen.getByPlaceholderText('请写清楚发生了什么、在哪里、从什么时候开始') as HTMLTextAreaElement).value).toBe(
      '楼上每天半夜装修',
    )
    expect(Taro.getStorageSync(draftStorageKey('dispute'))).toBeFalsy()
  })

  it('keeps the building when the map cannot be opened (H5)', async () => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined) // Taro's note about the missing map key
    fakeServer()
    render(<ReportPage />)
    await screen.findByText('幸福社区 · 3号楼 · 2单元')
    fireEvent.click(screen.getByText('选择其他位置'))
    expect(await screen.findByText('当前无法打开地图选点，仍按您绑定的楼栋上报。如在别处，请在描述里写明具体位置。')).toBeTruthy()
    expect(screen.getByText('幸福社区 · 3号楼 · 2单元')).toBeTruthy()
  })

  it('sends a resident without a building to bind first', async () => {
    serve(() => ({ statusCode: 200, data: { ...boundMe, residence: null } }))
    render(<ReportPage />)
    fireEvent.click(await screen.findByText('绑定我的楼栋'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/bind/index' })
  })

  it('shows the receipt, then opens the ticket', async () => {
    fakeServer()
    render(<ReportPage />)
    await fillForm()
    fireEvent.click(screen.getByText('提交'))
    expect(await screen.findByText('AJ20251123-000042')).toBeTruthy()
    fireEvent.click(screen.getByText('查看工单'))
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/ticket/index?id=42' })
  })
})
