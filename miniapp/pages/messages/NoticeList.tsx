import { View } from '@tarojs/components'
import type { Notice } from '@anju/shared'
import NoticeCard from '../../components/NoticeCard'
import { fetchNotices, markNoticeRead } from '../../services/notices'
import { refreshUnread } from '../../services/unread'
import { PAGE_SIZE, usePagedList } from '../../utils/use-paged-list'
import ListBody from './ListBody'
import { useLiveRefresh } from './use-live-refresh'

interface Props {
  /** Residents: notices to their building. Authors: the ones they posted, with read counts. */
  viewer: 'resident' | 'author'
  refreshKey: number
}

/** 社区通知 / 我发布的通知. A resident reads a notice by tapping it. */
export default function NoticeList({ viewer, refreshKey }: Props) {
  const live = useLiveRefresh((frame) => frame.type === 'notice')
  const list = usePagedList<Notice, number>((cursor) => fetchNotices({ cursor, limit: PAGE_SIZE }), viewer, refreshKey + live)

  function open(notice: Notice) {
    if (viewer !== 'resident' || notice.read) return
    list.update((items) => items.map((n) => (n.id === notice.id ? { ...n, read: true } : n)))
    markNoticeRead(notice.id)
      .then(() => refreshUnread())
      .catch(() => undefined)
  }

  return (
    <ListBody list={list} empty={viewer === 'resident' ? '暂时没有社区通知' : '您还没有发布过通知'}>
      {(items) => (
        <View>
          {items.map((notice) => (
            <NoticeCard key={notice.id} notice={notice} viewer={viewer} onOpen={open} />
          ))}
        </View>
      )}
    </ListBody>
  )
}
