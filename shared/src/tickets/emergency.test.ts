import { detectEmergency, emergencySignals, type EmergencyKind } from './emergency'

// Written the way residents write: colloquial, no punctuation, typos, 咋/啥/整.
const EMERGENCIES: Array<[string, EmergencyKind]> = [
  ['有人拿着刀在楼道里追人', 'weapon'],
  ['有个男的拿着菜刀在单元门口骂人', 'weapon'],
  ['楼下有人持刀 快来人啊', 'weapon'],
  ['一个喝醉的拎着棍子在小区里乱挥', 'weapon'],
  ['有人举着砖头要砸人', 'weapon'],
  ['隔壁两口子吵架男的拿水果刀比划', 'weapon'],
  ['有人在楼道里打架', 'violence'],
  ['咋整啊楼下打起来了', 'violence'],
  ['3单元有人打人 打的很凶', 'violence'],
  ['楼上又在家暴 女的一直在哭喊', 'violence'],
  ['有人掐着一个女的脖子', 'violence'],
  ['煤气味很重，好像漏气了', 'gas'],
  ['楼道里一股燃气味道 呛得慌', 'gas'],
  ['我家天然气管子漏了咋办', 'gas'],
  ['单元里全是媒气味', 'gas'],
  ['有小偷正在撬隔壁的门', 'break_in'],
  ['有人在翘对门的锁！', 'break_in'],
  ['看见有人翻窗进了二楼', 'break_in'],
  ['有陌生人闯进我家了', 'break_in'],
  ['担心死了，楼下着火了', 'fire'],
  ['大家注意楼下着火了快跑', 'fire'],
  ['可能漏气了 一股煤气味', 'gas'],
  ['5楼冒烟了好大的烟', 'fire'],
  ['电动车在楼道充电烧起来了', 'fire'],
  ['对面楼着火了火很大', 'fire'],
  ['地下室起火了快来', 'fire'],
  ['楼下有个老人倒地不起 叫不醒', 'injured'],
  ['邻居家大哥头上流血了', 'injured'],
  ['有人晕倒在电梯口了', 'injured'],
  ['电梯坏了有人被困在里面', 'trapped'],
  ['小孩困在电梯里出不来', 'trapped'],
  ['有个孩子从楼上掉下去了', 'trapped'],
  ['顶楼有个人站在边上要跳楼', 'life'],
  ['邻居说不想活了要自杀', 'life'],
  ['听见楼上有人喊救命', 'life'],
  ['我家孩子放学到现在没回家 找不到了', 'missing'],
  ['我妈有老年痴呆走丢了', 'missing'],
]

const NOT_EMERGENCIES = [
  '担心起火',
  '注意用火安全，小心着火',
  '万一着火了怎么办，楼道里全是纸箱',
  '楼道堆满杂物，担心起火',
  '楼道里堆了很多纸箱，有火灾隐患',
  '电动车在楼道里充电，怕着火',
  '会不会起火啊 电线都老化了',
  '楼道里的灭火器过期了',
  '消防通道被车堵了',
  '上次楼下有人打架也没人管',
  '以前这里着过火',
  '没有着火，就是有点焦味，已经开窗了',
  '楼上每天半夜装修',
  '楼上邻居天天吵架吵得睡不着',
  '楼上小孩每天在家跑跳',
  '燃气费怎么交',
  '想问下天然气改造啥时候开始',
  '上个月家里进了小偷 想问下案子咋样了',
  '电动车电瓶被偷了',
  '我的快递被人拿走了',
  '邻居在楼道养狗 狗屎没人收拾',
  '楼下菜市场卖刀的占道经营',
  '我拿菜刀切菜的时候不小心划了个口子已经好了',
  '防止燃气泄漏的宣传可以搞一下吗',
  '小区停车乱收费',
  '隔壁装修把我家墙打裂了',
  '楼下烧烤店油烟太大',
  '路灯坏了 晚上太黑',
  '物业不作为，楼道灯坏了半个月',
  '邻居家空调外机滴水',
  '楼下有人天天遛狗不拴绳',
  '孩子的自行车找不到了',
  '我家老人的医保卡丢了',
  '昨天楼下着火了，已经灭了',
  '有没有防诈骗的宣传资料',
  '电梯经常坏 有时候会困人',
  '井盖丢了怕有人掉下去',
  '家里燃气灶打不着火',
  '电视里在放打架的片子 声音开太大',
]

describe('the emergency guard: dangers in progress, as residents write them', () => {
  it('has at least 30 of each', () => {
    expect(EMERGENCIES.length).toBeGreaterThanOrEqual(30)
    expect(NOT_EMERGENCIES.length).toBeGreaterThanOrEqual(30)
  })

  it.each(EMERGENCIES)('emergency: %s → %s', (text, kind) => {
    expect(detectEmergency(text).map((m) => m.kind)).toContain(kind)
  })

  it.each(NOT_EMERGENCIES)('not an emergency: %s', (text) => {
    expect(detectEmergency(text)).toEqual([])
  })

  it('names each danger once, with the clause that describes it', () => {
    expect(detectEmergency('有人拿着刀在楼道里追人，已经有人受伤了，快来')).toEqual([
      { kind: 'weapon', label: '有人持刀械', clause: '有人拿着刀在楼道里追人' },
      { kind: 'injured', label: '有人受伤昏迷', clause: '已经有人受伤了' },
    ])
    expect(emergencySignals('楼下着火了！又冒烟了')).toEqual(['着火冒烟'])
  })
})
