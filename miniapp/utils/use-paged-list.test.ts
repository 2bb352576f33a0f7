import { act, renderHook } from '@testing-library/react'
import { usePagedList, type Page } from './use-paged-list'

type Row = { id: number; name: string }

/** A stand-in server whose answers the test releases one by one, in any order. */
function slowServer() {
  const asked: Array<{ cursor?: string; answer: (page: Page<Row, string>) => Promise<void> }> = []
  const load = (cursor?: string) =>
    new Promise<Page<Row, string>>((resolve) => {
      asked.push({
        cursor,
        answer: async (page) => {
          await act(async () => resolve(page))
        },
      })
    })
  return { asked, load }
}

const rows = (...names: string[]) => names.map((name, i) => ({ id: i + 1, name }))

describe('usePagedList', () => {
  it('keeps the newer filter’s rows when the older filter’s first page arrives last', async () => {
    const server = slowServer()
    const { result, rerender } = renderHook(({ key }) => usePagedList<Row, string>(server.load, key), { initialProps: { key: 'all' } })
    rerender({ key: 'open' })
    expect(server.asked).toHaveLength(2)

    await server.asked[1]!.answer({ items: rows('待处理'), nextCursor: null })
    await server.asked[0]!.answer({ items: rows('全部'), nextCursor: 'old' })
    expect(result.current.items.map((r) => r.name)).toEqual(['待处理'])
    expect(result.current.hasMore).toBe(false)
    expect(result.current.loading).toBe(false)
  })

  it('drops a next page asked before a reload: it neither joins the reloaded rows nor frees 加载更多 for the stale cursor', async () => {
    const server = slowServer()
    const settled = jest.fn()
    const { result } = renderHook(() => usePagedList<Row, string>(server.load, 'all', 0, settled))
    await server.asked[0]!.answer({ items: rows('第一条'), nextCursor: 'c1' })
    expect(settled).toHaveBeenCalledTimes(1)

    act(() => result.current.loadMore())
    expect(server.asked[1]!.cursor).toBe('c1')
    // A realtime update reloads the first page while the next page is still on its way.
    act(() => result.current.reload())
    await server.asked[1]!.answer({ items: [{ id: 9, name: '旧的第二页' }], nextCursor: 'c2' })
    expect(result.current.items.map((r) => r.name)).toEqual(['第一条'])
    expect(result.current.loadingMore).toBe(false)

    // The reload is still loading: another 加载更多 must wait for its cursor, not reuse c1.
    act(() => result.current.loadMore())
    expect(server.asked).toHaveLength(3)
    expect(settled).toHaveBeenCalledTimes(1)

    await server.asked[2]!.answer({ items: rows('新的第一条'), nextCursor: 'n1' })
    expect(result.current.items.map((r) => r.name)).toEqual(['新的第一条'])
    expect(settled).toHaveBeenCalledTimes(2)
    act(() => result.current.loadMore())
    expect(server.asked[3]!.cursor).toBe('n1')
  })

  it('does not show the error of a next page asked before another filter', async () => {
    const server = slowServer()
    let fail: (err: Error) => void = () => undefined
    const load = (cursor?: string) => (cursor ? new Promise<Page<Row, string>>((_, reject) => (fail = reject)) : server.load())
    const { result, rerender } = renderHook(({ key }) => usePagedList<Row, string>(load, key), { initialProps: { key: 'all' } })
    await server.asked[0]!.answer({ items: rows('第一条'), nextCursor: 'c1' })

    act(() => result.current.loadMore())
    rerender({ key: 'open' })
    await act(async () => fail(new Error('网络不通')))
    expect(result.current.moreError).toBeNull()
    expect(result.current.loading).toBe(true)
  })
})
