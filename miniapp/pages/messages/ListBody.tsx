import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import BusyButton from '../../components/BusyButton'
import { LoadError, Loading } from '../../components/PageState'
import type { PagedList } from '../../utils/use-paged-list'

interface Props<T> {
  list: PagedList<T>
  empty: string
  children: (items: T[]) => ReactNode
}

/** A paged list's states: loading, failed, empty, or the rows with 加载更多. */
export default function ListBody<T>({ list, empty, children }: Props<T>) {
  if (list.error) return <LoadError message={list.error} onRetry={list.reload} />
  if (list.loading && list.items.length === 0) return <Loading />
  if (list.items.length === 0) {
    return (
      <View className="card msg-empty">
        <Text className="msg-empty__text">{empty}</Text>
      </View>
    )
  }
  return (
    <View>
      {children(list.items)}
      {list.moreError && <Text className="field__error">{list.moreError}</Text>}
      {list.hasMore ? (
        <BusyButton className="btn" busy={list.loadingMore} onClick={list.loadMore}>
          加载更多
        </BusyButton>
      ) : (
        <Text className="msg-end">没有更多了</Text>
      )}
    </View>
  )
}
