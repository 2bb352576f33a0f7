/**
 * The seeded demo district as the raw baseline and the bulk generator need it: buildings with
 * their ancestors, who leads each, the duty desk that covers it, and the ticket categories.
 * Read straight from the scratch database once the server has migrated and seeded it.
 */

/** Hazard categories that neither alert the desk nor need extra rows: a ticket is then exactly one `ticket` and one `ticket_event` row. */
async function loadFixtures(pool) {
  const [[district]] = await pool.query("SELECT id FROM place WHERE level = 'district' ORDER BY id LIMIT 1")
  if (!district) throw new Error('the demo district was not seeded (DEMO_DATA=1)')
  const [buildings] = await pool.query(
    "SELECT id, name, address, districtId, streetId, communityId, gridId FROM place WHERE level = 'building' AND districtId = ? ORDER BY id",
    [district.id],
  )
  const [leads] = await pool.query(
    'SELECT l.buildingId, u.id AS userId, u.name, u.openid, p.onLeaveUntil FROM building_lead l JOIN app_user u ON u.id = l.officerUserId JOIN officer_profile p ON p.userId = u.id',
  )
  const [desks] = await pool.query('SELECT id, placeId, name FROM duty_desk')
  const [categories] = await pool.query('SELECT * FROM ticket_category WHERE active = 1 ORDER BY kind, sortOrder')
  const [staff] = await pool.query("SELECT id, openid, role, name, scopePlaceId FROM app_user WHERE openid LIKE 'demo-%'")

  const leadOf = new Map(leads.map((l) => [l.buildingId, l]))
  const deskAt = new Map(desks.map((d) => [d.placeId, d]))
  const now = new Date()
  const routed = buildings.map((b) => {
    const lead = leadOf.get(b.id) ?? null
    // The desk covering a building: its own, else its street's, else the district's (coveringDutyDesk).
    const desk = deskAt.get(b.id) ?? deskAt.get(b.streetId) ?? deskAt.get(b.districtId) ?? null
    const onDuty = lead !== null && !(lead.onLeaveUntil && new Date(lead.onLeaveUntil) > now)
    return {
      ...b,
      locationText: [b.name, b.address].filter(Boolean).join(' · ').slice(0, 160),
      leadUserId: lead?.userId ?? null,
      leadName: lead?.name ?? null,
      handlerUserId: onDuty ? lead.userId : null,
      deskId: desk?.id ?? null,
      deskName: desk?.name ?? '值班台',
    }
  })
  const byOpenid = new Map(staff.map((u) => [u.openid, u]))
  return {
    districtId: district.id,
    buildings: routed,
    categories,
    plainHazards: categories.filter((c) => c.kind === 'hazard' && !c.alertDesk),
    deskUserFor: (b) =>
      b.streetId === byOpenid.get('demo-dispatcher-1')?.scopePlaceId
        ? byOpenid.get('demo-dispatcher-1')
        : byOpenid.get('demo-dispatcher-2'),
    staff: byOpenid,
  }
}

/** Descriptions a resident might write; none holds an emergency word, so no ticket turns urgent. */
const DESCRIPTIONS = [
  '楼道里堆满了纸箱和旧家具，挡住了消防通道',
  '小区东门的门禁坏了好几天，外来人员随便进出',
  '小区门口路灯不亮，晚上车辆经过很危险',
  '5楼阳台的花盆摆在栏杆外面，怕掉下来砸到人',
  '一楼住户在绿地上搭了个棚子',
  '地下车库的监控探头好像一直不亮',
  '单元门口的井盖松动了，踩上去会晃',
  '小区里有车辆长期停在消防通道上',
]

module.exports = { loadFixtures, DESCRIPTIONS }
