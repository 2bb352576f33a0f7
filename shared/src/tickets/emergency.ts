/**
 * Anju is not 110. A description of an emergency in progress makes the app ask the resident to
 * call 110 first; if they still submit, the ticket is marked urgent for the duty desk.
 *
 * A word list misses what residents write (有个男的拿着菜刀在单元门口骂人) and catches what they
 * fear (担心起火), so the guard reads patterns of a danger happening now, clause by clause: a
 * clause whose danger comes after a worry, a negation or a past marker (担心/没有/上次…), or that
 * speaks of a hazard rather than an event (隐患/防止…), or that the next clause says is over
 * (已经灭了), does not count. App and server share this file so they agree.
 */

export const EMERGENCY_KINDS = ['weapon', 'violence', 'gas', 'break_in', 'fire', 'injured', 'trapped', 'life', 'missing'] as const
export type EmergencyKind = (typeof EMERGENCY_KINDS)[number]

/** How the 110 prompt names each danger: 您描述的情况可能正在发生危险（有人持刀械），请立即拨打110 */
export const EMERGENCY_LABELS: Record<EmergencyKind, string> = {
  weapon: '有人持刀械',
  violence: '有人打架或伤人',
  gas: '燃气泄漏',
  break_in: '有人撬门入室',
  fire: '着火冒烟',
  injured: '有人受伤昏迷',
  trapped: '有人被困或坠落',
  life: '有人有生命危险',
  missing: '老人或孩子走失',
}

const WEAPON = '(?:菜刀|水果刀|砍刀|尖刀|匕首|刀子|刀|铁棍|木棍|棍子|棍|棒子|铁棒|球棒|枪|砖头|石头|斧头|锤子|榔头|铁锹|剪刀)'
const WIELD = '(?:拿着|拿|持着|持|挥着|挥舞|挥|举着|举|拎着|拎|提着|追|砍|捅|扎)'
const PERSON = '(?:孩子|小孩|儿子|女儿|闺女|孙子|孙女|老人|老太太|老太|老大爷|老爷子|老头|爷爷|奶奶|姥姥|姥爷|外婆|外公|我妈|我爸|老伴)'

/** The patterns of each danger, tried on one clause with its whitespace removed. */
const PATTERNS: Record<EmergencyKind, RegExp[]> = {
  weapon: [new RegExp(`${WIELD}.{0,6}${WEAPON}`), new RegExp(`${WEAPON}.{0,8}(?:追|砍|捅|扎|伤人|打人|吓人|比划)`)],
  violence: [
    /打架|打起来|打人|殴打|斗殴|群殴|围殴|互殴|打群架|动手打|家暴|揍[人他她我]|暴打/,
    /砍[人伤死了他她我]|捅[人伤死了他她我]|掐[着住人他她我脖]|踹[人他她我门]|扇[了他她我人耳巴]/,
  ],
  gas: [
    /(?:煤气|燃气|天然气|液化气|媒气|然气|煤汽)(?:罐|灶|管|表|阀)?.{0,6}(?:味|漏|泄|闻到|呛)|(?:闻到|一股|有股).{0,4}(?:煤气|燃气|天然气|液化气|媒气|然气)/,
  ],
  break_in: [/[撬翘].{0,5}(?:门|锁|窗)|翻窗|翻进|翻墙进|闯入|闯进|破门|砸门|砸窗|入室|正在偷|在偷|偷东西|小偷.{0,4}(?:在|正|进)/],
  // 打不着火: a stove that will not light.
  fire: [/(?<![不打点])着火|著火|起火|失火|火灾|冒烟|冒黑烟|浓烟|火很大|火势|烧起来|烧着了|火光|火苗|大火|烧了起来/],
  injured: [/受伤|流血|出血|血流|倒地|倒在地|晕倒|晕过去|昏迷|不省人事|没(?:有)?呼吸|没气了|抽搐|叫不醒|摔倒.{0,4}(?:起不来|不动)/],
  trapped: [/被困|困在|关在电梯|卡在电梯|电梯.{0,4}(?:困|关)|掉下去|掉下来了|掉进|坠楼|落水|溺水|跳河/],
  life: [/跳楼|要跳|轻生|自杀|割腕|喝药|上吊|寻死|要杀|杀人|杀了[他她我人]|救命|绑架|抢劫|抢钱|劫持/],
  missing: [new RegExp(`${PERSON}(?!的).{0,6}(?:走丢|丢了|不见了|找不到|走失|失踪|没回家|联系不上)`)],
}

// A hypothesis or a negation before the danger: never an event (万一着火了怎么办, 没人受伤).
const NOT_AN_EVENT =
  /万一|会不会|会导致|会引起|容易|防止|预防|防范|以防|避免|如果|要是|假如|是否|没有|没人|没(?=[着起冒漏打受流伤]|发生)|不是|并没|不会|别/
// A worry or a warning before the danger: a risk (担心起火, 小心着火), unless the resident says it is
// happening — 了/啦 between the worry and just after the danger, or 正在 (注意楼下着火了, 可能漏气了).
const WORRY = /担心|担忧|害怕会|(?<![害可恐])怕|可能|小心|注意|提醒/
const HAPPENING = /[了啦]|正在/
// The past or a habit before the danger: a story or a dispute, unless the clause brings it to now.
const PAST = /以前|之前|上次|上回|去年|前几天|前天|昨天|上周|上个月|曾经|经常|老是|总是|天天|每天|每晚|常常|好几次/
// Words anywhere in the clause that make it about a hazard, a drill or a check, not a danger now.
const ANYWHERE =
  /隐患|风险|演练|宣传|培训|知识|检查|整改|排查|电视|电影|片子|新闻|游戏|已经灭|已经扑灭|灭掉了|已经处理|处理好了|已经走了|已经跑了|已经没事|没事了|已经好了|已经修好|已经关了/
// A following clause that says it is over: 楼下着火了，已经灭了
const OVER =
  /^(?:现在|目前)?(?:已经|已)(?:灭|扑灭|处理|没事|走了|跑了|好了|修好|关了|找到)|^(?:现在|目前)?没事了|^(?:后来|然后)?(?:找到了|灭了)/
// Words that bring a past or habitual danger into the present: 上次…现在又 / 一直
const NOW = /现在|正在|还在|又|此刻|这会儿/

/** A danger found in the text: which kind, and the clause that describes it. */
export interface EmergencyMatch {
  kind: EmergencyKind
  label: string
  clause: string
}

/** The clauses a resident wrote, split on Chinese and ASCII sentence punctuation and line breaks. */
function clausesOf(text: string): string[] {
  return text
    .replace(/[ \t\u3000]+/g, '')
    .split(/[，,。.！!？?；;、\n\r~～…]+/)
    .filter((c) => c.length > 0)
}

function counts(clause: string, next: string | undefined, at: number, end: number): boolean {
  if (ANYWHERE.test(clause)) return false
  if (next !== undefined && OVER.test(next)) return false
  const before = clause.slice(0, at)
  if (NOT_AN_EVENT.test(before)) return false
  const worry = WORRY.exec(before)
  if (worry && !HAPPENING.test(clause.slice(worry.index, end + 2))) return false
  return !PAST.test(before) || NOW.test(clause.slice(before.search(PAST)))
}

/** The dangers in progress a text describes, one per kind, in the order of EMERGENCY_KINDS. */
export function detectEmergency(text: string): EmergencyMatch[] {
  const clauses = clausesOf(text)
  const found = new Map<EmergencyKind, EmergencyMatch>()
  clauses.forEach((clause, i) => {
    for (const kind of EMERGENCY_KINDS) {
      if (found.has(kind)) continue
      for (const pattern of PATTERNS[kind]) {
        const m = pattern.exec(clause)
        if (m && counts(clause, clauses[i + 1], m.index, m.index + m[0].length)) {
          found.set(kind, { kind, label: EMERGENCY_LABELS[kind], clause })
          break
        }
      }
    }
  })
  return EMERGENCY_KINDS.flatMap((kind) => found.get(kind) ?? [])
}

/** The 110 prompt's words for the dangers in a text (empty when none). */
export function emergencySignals(text: string): string[] {
  return detectEmergency(text).map((m) => m.label)
}

export const EMERGENCY_PHONE = '110'
