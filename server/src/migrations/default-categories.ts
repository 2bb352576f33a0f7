import type { QueryRunner } from 'typeorm'

/**
 * The categories of the seeds (隐患上报, 矛盾纠纷) with a first routing rule and SLA each, and the
 * departments a duty desk whistles most (吹哨报到). Minutes: accept / resolve, then for urgent reports.
 */
export const DEFAULT_CATEGORIES = [
  {
    kind: 'hazard',
    name: '消防安全',
    sortOrder: 10,
    routeTo: 'building_lead',
    alertDesk: true,
    accept: 30,
    resolve: 1440,
    urgentAccept: 10,
    urgentResolve: 240,
  },
  {
    kind: 'hazard',
    name: '治安隐患',
    sortOrder: 20,
    routeTo: 'building_lead',
    alertDesk: false,
    accept: 60,
    resolve: 2880,
    urgentAccept: 15,
    urgentResolve: 480,
  },
  {
    kind: 'hazard',
    name: '交通安全',
    sortOrder: 30,
    routeTo: 'building_lead',
    alertDesk: false,
    accept: 60,
    resolve: 2880,
    urgentAccept: 15,
    urgentResolve: 480,
  },
  {
    kind: 'hazard',
    name: '燃气用电',
    sortOrder: 40,
    routeTo: 'building_lead',
    alertDesk: true,
    accept: 30,
    resolve: 1440,
    urgentAccept: 10,
    urgentResolve: 240,
  },
  {
    kind: 'hazard',
    name: '高空坠物',
    sortOrder: 50,
    routeTo: 'building_lead',
    alertDesk: false,
    accept: 60,
    resolve: 2880,
    urgentAccept: 15,
    urgentResolve: 480,
  },
  {
    kind: 'hazard',
    name: '私搭乱建',
    sortOrder: 60,
    routeTo: 'building_lead',
    alertDesk: false,
    accept: 240,
    resolve: 10080,
    urgentAccept: 60,
    urgentResolve: 2880,
  },
  {
    kind: 'hazard',
    name: '其他',
    sortOrder: 90,
    routeTo: 'building_lead',
    alertDesk: false,
    accept: 240,
    resolve: 4320,
    urgentAccept: 60,
    urgentResolve: 1440,
  },
  {
    kind: 'dispute',
    name: '邻里纠纷',
    sortOrder: 10,
    routeTo: 'building_lead',
    alertDesk: false,
    accept: 120,
    resolve: 4320,
    urgentAccept: 30,
    urgentResolve: 1440,
  },
  {
    kind: 'dispute',
    name: '家庭纠纷',
    sortOrder: 20,
    routeTo: 'building_lead',
    alertDesk: false,
    accept: 120,
    resolve: 4320,
    urgentAccept: 30,
    urgentResolve: 720,
  },
  {
    kind: 'dispute',
    name: '物业纠纷',
    sortOrder: 30,
    routeTo: 'building_lead',
    alertDesk: false,
    accept: 240,
    resolve: 7200,
    urgentAccept: 60,
    urgentResolve: 2880,
  },
  {
    kind: 'dispute',
    name: '劳资纠纷',
    sortOrder: 40,
    routeTo: 'duty_desk',
    alertDesk: false,
    accept: 240,
    resolve: 7200,
    urgentAccept: 60,
    urgentResolve: 2880,
  },
  {
    kind: 'dispute',
    name: '其他',
    sortOrder: 90,
    routeTo: 'building_lead',
    alertDesk: false,
    accept: 240,
    resolve: 4320,
    urgentAccept: 60,
    urgentResolve: 1440,
  },
] as const

export const DEFAULT_DEPARTMENTS = [
  { name: '消防救援大队', phone: '119' },
  { name: '城市管理综合执法局', phone: '12319' },
  { name: '住房和城乡建设局', phone: null },
  { name: '燃气公司', phone: null },
  { name: '供电公司', phone: '95598' },
  { name: '社区居委会', phone: null },
  { name: '物业服务企业', phone: null },
  { name: '人力资源和社会保障局（劳动监察）', phone: '12333' },
  { name: '司法所（人民调解）', phone: '12348' },
] as const

/** Writes the defaults; `quote` is the dialect's identifier quote (MySQL ` or SQLite "). */
export async function insertDefaults(q: QueryRunner, quote: '`' | '"'): Promise<void> {
  const id = (name: string) => `${quote}${name}${quote}`
  const columns = [
    'kind',
    'name',
    'sortOrder',
    'active',
    'routeTo',
    'alertDesk',
    'acceptMinutes',
    'resolveMinutes',
    'urgentAcceptMinutes',
    'urgentResolveMinutes',
    'warnAtPercent',
  ]
  for (const c of DEFAULT_CATEGORIES) {
    await q.query(`INSERT INTO ${id('ticket_category')} (${columns.map(id).join(', ')}) VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, 80)`, [
      c.kind,
      c.name,
      c.sortOrder,
      c.routeTo,
      c.alertDesk ? 1 : 0,
      c.accept,
      c.resolve,
      c.urgentAccept,
      c.urgentResolve,
    ])
  }
  for (const d of DEFAULT_DEPARTMENTS)
    await q.query(`INSERT INTO ${id('department')} (${id('name')}, ${id('phone')}, ${id('active')}) VALUES (?, ?, 1)`, [d.name, d.phone])
}

export async function deleteDefaults(q: QueryRunner, quote: '`' | '"'): Promise<void> {
  await q.query(`DELETE FROM ${quote}department${quote}`)
  await q.query(`DELETE FROM ${quote}ticket_category${quote}`)
}
