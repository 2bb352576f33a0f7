import { useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { INBOX_FILTER_LABELS, INBOX_FILTERS, type ConversationSummary } from '@anju/shared'
import ConversationList from '../../components/ConversationList'
import { chatPageUrl, fetchInbox, type InboxFilter } from '../../services/messages'
import { PAGE_SIZE, usePagedList } from '../../utils/use-paged-list'
import ListBody from './ListBody'
import { useLiveRefresh } from './use-live-refresh'

const EMPTY_TEXT: Record<InboxFilter, string> = {
  all: '还没有居民留言',
  unread: '没有未读的留言',
  open: '没有待处理的留言',
  desk: '现在没有需要值班台代回的留言',
}

const openChat = (id: number) => void Taro.navigateTo({ url: chatPageUrl(id) })

/** Search by the resident's name or the building's. */
function SearchBox({ value, onSearch }: { value: string; onSearch: (q: string) => void }) {
  const [draft, setDraft] = useState(value)
  return (
    <View className="msg-search">
      <Input
        className="input msg-search__input"
        value={draft}
        placeholder="搜索居民姓名或楼栋"
        confirmType="search"
        maxlength={30}
        onInput={(e) => setDraft(e.detail.value)}
        onConfirm={() => onSearch(draft.trim())}
      />
      <Button className="btn btn--small msg-search__go" onClick={() => onSearch(draft.trim())}>
        搜索
      </Button>
    </View>
  )
}

/** The staff inbox: conversations by latest activity; the duty desk starts on those it covers. */
export default function Inbox({ isDesk, refreshKey }: { isDesk: boolean; refreshKey: number }) {
  const filters = isDesk ? INBOX_FILTERS : INBOX_FILTERS.filter((f) => f !== 'desk')
  const [filter, setFilter] = useState<InboxFilter>(isDesk ? 'desk' : 'all')
  const [q, setQ] = useState('')
  const live = useLiveRefresh((frame) => frame.type === 'message' || frame.type === 'conversation')
  const list = usePagedList<ConversationSummary, string>(
    (cursor) => fetchInbox({ filter, q: q || undefined, cursor, limit: PAGE_SIZE }),
    `${filter}|${q}`,
    refreshKey + live,
  )

  return (
    <View>
      <View className="tab-strip">
        {filters.map((f) => (
          <View key={f} className={`tab-strip__item ${f === filter ? 'tab-strip__item--on' : ''}`} onClick={() => setFilter(f)}>
            {INBOX_FILTER_LABELS[f]}
          </View>
        ))}
      </View>
      {/* Clearing the search clears the box too: a new key starts it afresh. */}
      <SearchBox key={q ? 'searching' : 'idle'} value={q} onSearch={setQ} />
      {q && (
        <View className="msg-searching" onClick={() => setQ('')}>
          <Text>搜索“{q}”的结果</Text>
          <Text className="msg-searching__clear">清除</Text>
        </View>
      )}
      <ListBody list={list} empty={q ? '没有找到相关的留言' : EMPTY_TEXT[filter]}>
        {(items) => <ConversationList items={items} viewer="staff" onOpen={openChat} />}
      </ListBody>
    </View>
  )
}
