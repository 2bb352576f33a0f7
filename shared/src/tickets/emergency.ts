/**
 * Anju is not 110. Words that describe an emergency in progress make the app ask the resident to
 * call 110 first; if they still submit, the ticket is marked urgent for the duty desk.
 */
export const EMERGENCY_WORDS = [
  '火情', '着火', '起火', '失火', '冒烟', '火灾',
  '燃气泄漏', '煤气泄漏', '天然气泄漏', '闻到煤气', '闻到燃气', '爆炸',
  '正在打架', '打起来', '打人', '斗殴', '持刀', '拿刀', '砍人',
  '有人受伤', '流血', '受伤了', '昏迷', '晕倒', '跳楼', '轻生', '自杀',
  '抢劫', '绑架', '入室盗窃', '有人闯入', '家暴', '救命',
] as const

/** The emergency words found in a text, in the order of the list (empty when none). */
export function emergencySignals(text: string): string[] {
  const compact = text.replace(/\s+/g, '')
  return EMERGENCY_WORDS.filter((word) => compact.includes(word))
}

export const EMERGENCY_PHONE = '110'
