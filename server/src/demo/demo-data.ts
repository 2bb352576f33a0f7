/**
 * A small Baotou-like district, generated rather than typed: names come from pools and a seeded
 * random generator, so every run of the seed produces the same people and places.
 */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '赵',
  '黄',
  '周',
  '吴',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '高',
  '林',
  '罗',
  '郑',
  '梁',
  '谢',
  '宋',
  '唐',
  '韩',
  '冯',
  '于',
  '董',
  '萧',
  '程',
  '曹',
  '袁',
  '邓',
  '许',
  '傅',
  '沈',
  '曾',
  '彭',
  '吕',
  '苏',
  '卢',
  '蒋',
  '蔡',
  '贾',
  '丁',
  '魏',
  '薛',
  '叶',
  '阎',
]
const GIVEN = [
  '建国',
  '志强',
  '海燕',
  '秀兰',
  '立新',
  '文斌',
  '晓东',
  '丽娜',
  '永红',
  '卫东',
  '俊杰',
  '雅琴',
  '国庆',
  '桂英',
  '宏伟',
  '春梅',
  '振华',
  '玉兰',
  '明辉',
  '淑芬',
  '博文',
  '思远',
  '鹏飞',
  '婷婷',
  '佳怡',
  '子涵',
  '浩然',
  '欣悦',
  '瑞峰',
  '凤霞',
]

export interface DemoStreet {
  name: string
  road: string
  communities: Array<{ name: string; estates: string[] }>
}

export const DEMO_DISTRICT = '青山区'
export const DEMO_STREETS: DemoStreet[] = [
  {
    name: '幸福路街道',
    road: '幸福路',
    communities: [
      { name: '阳光社区', estates: ['阳光花园', '幸福家园', '青松苑'] },
      { name: '青年路社区', estates: ['钢城小区', '青年公寓', '富康苑'] },
    ],
  },
  {
    name: '先锋道街道',
    road: '先锋道',
    communities: [
      { name: '光荣社区', estates: ['万和城', '康乐小区', '光荣里'] },
      { name: '和平社区', estates: ['和谐家园', '友谊小区', '景苑小区'] },
    ],
  },
]
const GRID_NAMES = ['第一网格', '第二网格', '第三网格']

export function personName(rand: () => number): string {
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!
  return pick(SURNAMES) + pick(GIVEN)
}

export function mobile(rand: () => number): string {
  const prefixes = ['138', '139', '150', '151', '186', '187', '135', '159']
  return prefixes[Math.floor(rand() * prefixes.length)]! + String(Math.floor(rand() * 1e8)).padStart(8, '0')
}

export interface DemoBuildingRow {
  district: string
  street: string
  community: string
  grid: string
  building_code: string
  building: string
  address: string
  units: string
  officer_police_number: string
}

/** One grid per estate; 3–4 buildings per grid; building codes QS-<street><community><grid>-<nn>. */
export function demoBuildingRows(rand: () => number, officerFor: (gridIndex: number, buildingIndex: number) => string): DemoBuildingRow[] {
  const rows: DemoBuildingRow[] = []
  let gridIndex = 0
  DEMO_STREETS.forEach((street, si) => {
    street.communities.forEach((community, ci) => {
      community.estates.forEach((estate, gi) => {
        const count = 3 + Math.floor(rand() * 2)
        const houseNumber = 10 + Math.floor(rand() * 180)
        for (let b = 1; b <= count; b++) {
          rows.push({
            district: DEMO_DISTRICT,
            street: street.name,
            community: community.name,
            grid: `${community.name}${GRID_NAMES[gi]}`,
            building_code: `QS-${si + 1}${ci + 1}${gi + 1}-${String(b).padStart(2, '0')}`,
            building: `${estate}${b}号楼`,
            address: `内蒙古包头市${DEMO_DISTRICT}${street.road}${houseNumber}号${estate}${b}号楼`,
            units: String(2 + Math.floor(rand() * 3)),
            officer_police_number: officerFor(gridIndex, b),
          })
        }
        gridIndex++
      })
    })
  })
  return rows
}

/** A plain portrait placeholder (an officer in a peaked cap), in the officer's own colours. */
export function officerAvatarSvg(hue: number): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 120" width="240" height="240">
<rect width="120" height="120" rx="16" fill="hsl(${hue},45%,88%)"/>
<circle cx="60" cy="58" r="24" fill="#f1c9a5"/>
<path d="M30 44 Q60 18 90 44 L86 50 H34 Z" fill="#1a2f5a"/><rect x="33" y="46" width="54" height="7" rx="2" fill="#0f1f40"/>
<circle cx="60" cy="36" r="5" fill="#e3b341"/>
<path d="M18 120 Q22 86 60 84 Q98 86 102 120 Z" fill="#1a4fa0"/><path d="M52 86 L60 100 L68 86 Z" fill="#dfe7f5"/>
</svg>`
}
