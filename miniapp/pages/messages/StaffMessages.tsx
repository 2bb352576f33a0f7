import { useState } from 'react'
import { Button, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { NOTICE_COMPOSE_PAGE } from '../../services/notices'
import Inbox from './Inbox'
import NoticeList from './NoticeList'

type Section = 'inbox' | 'notices'

/** 消息 for officers and the duty desk: residents' messages, and the notices they posted. */
export default function StaffMessages({ isDesk, refreshKey }: { isDesk: boolean; refreshKey: number }) {
  const [section, setSection] = useState<Section>('inbox')
  return (
    <View>
      <View className="segmented">
        {(['inbox', 'notices'] as const).map((s) => (
          <Button key={s} className={`segmented__item ${section === s ? 'segmented__item--on' : ''}`} onClick={() => setSection(s)}>
            {s === 'inbox' ? '居民留言' : '我发布的通知'}
          </Button>
        ))}
      </View>
      {section === 'inbox' ? (
        <Inbox isDesk={isDesk} refreshKey={refreshKey} />
      ) : (
        <View>
          <Button className="btn btn--primary msg-compose" onClick={() => void Taro.navigateTo({ url: NOTICE_COMPOSE_PAGE })}>
            发布通知
          </Button>
          <NoticeList viewer="author" refreshKey={refreshKey} />
        </View>
      )}
    </View>
  )
}
