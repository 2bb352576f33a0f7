import type { ConversationDetail, ConversationSummary, Message, Notice, Receipts } from '@anju/shared'

/** Conversations, messages and notices for the messaging component tests. */
export const receipts = (patch: Partial<Receipts> = {}): Receipts => ({
  residentDeliveredSeq: 0,
  residentReadSeq: 0,
  staffDeliveredSeq: 0,
  staffReadSeq: 0,
  ...patch,
})

export function message(seq: number, patch: Partial<Message> = {}): Message {
  return {
    id: 1000 + seq,
    conversationId: 31,
    seq,
    clientId: `client-${seq}-abcdef`,
    kind: 'text',
    side: 'resident',
    sender: { userId: 5, name: '李阿姨' },
    label: null,
    text: `第 ${seq} 条消息`,
    image: null,
    ticket: null,
    held: false,
    // 06:05 UTC is 14:05 in Beijing.
    createdAt: `2025-11-23T06:0${Math.min(seq, 9)}:00.000Z`,
    ...patch,
  }
}

export function summary(patch: Partial<ConversationSummary> = {}): ConversationSummary {
  return {
    id: 31,
    building: { id: 11, name: '3号楼', community: '幸福社区' },
    resident: { userId: 5, name: '李阿姨' },
    officer: { userId: 7, name: '王建国' },
    lastMessage: { seq: 2, side: 'resident', preview: '楼道灯坏了，晚上看不见', at: '2025-11-23T06:05:00.000Z' },
    unread: 0,
    handled: false,
    awaitingSince: null,
    deskCover: null,
    ...patch,
  }
}

export function detail(patch: Partial<ConversationDetail> = {}): ConversationDetail {
  return {
    ...summary(),
    receipts: receipts(),
    lastSeq: 2,
    viewerSide: 'resident',
    officerCard: {
      userId: 7,
      name: '王建国',
      policeNumber: '150201',
      phone: '13800000007',
      photoUrl: null,
      station: '幸福路派出所',
      duties: ['安全员'],
      dutyHoursText: '每天 08:00–20:00',
      onDuty: true,
      status: 'on_duty',
      statusText: '在岗',
    },
    dutyDesk: { id: 2, name: '幸福路街道值班台', phone: '0472-5100110', placeName: '幸福路街道' },
    ...patch,
  }
}

export function notice(id: number, patch: Partial<Notice> = {}): Notice {
  return {
    id,
    kind: 'anti_fraud',
    title: '警惕冒充公检法的电话诈骗',
    body: '近期有人冒充公安机关打电话要求转账到“安全账户”，公安机关不会电话办案，请不要转账。',
    author: { userId: 7, name: '王建国' },
    createdAt: '2025-11-23T06:05:00.000Z',
    read: false,
    reach: null,
    ...patch,
  }
}
