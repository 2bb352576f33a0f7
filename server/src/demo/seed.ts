import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { DataSource } from 'typeorm'
import { OFFICER_DUTIES, type DutyHours } from '@anju/shared'
import { subscribeDomainEvents } from '../app'
import { addDutyDesks, buildingsLedBy, importBuildings, saveOfficerProfile, setOfficerStation } from '../modules/officers'
import { buildingByCodeOrFail, countBuildingsWithin, findDistrictByName, findPlaceOrFail, firstUnitOf, streetsOf } from '../modules/places'
import { ensureUser, openidExists, saveResidence, setScopePlace, type User } from '../modules/users'
import { DEMO_DISTRICT, demoBuildingRows, mobile, officerAvatarSvg, personName, seededRandom } from './demo-data'

export interface DemoSummary {
  buildings: number
  officers: number
  /** Building codes for trying the QR link: one whose officer is on duty, one on leave, one without an officer. */
  qr: { onDuty: string; onLeave: string; noOfficer: string }
}

const ALL_DAY: DutyHours = [{ days: [1, 2, 3, 4, 5, 6, 7], start: '00:00', end: '24:00' }]
const OFFICE_HOURS: DutyHours = [{ days: [1, 2, 3, 4, 5], start: '08:30', end: '17:30' }]
const OFFICERS = 10
const ON_LEAVE = 1 // officer #2 is on leave: their buildings are covered by the duty desk
const OFFICE_ONLY = 8
const MARKER = 'demo-admin'

/**
 * Loads the demo district once (the admin account is written last and marks it done). Every
 * step is an upsert, so a seed cut off half-way finishes on the next start.
 */
export async function seedDemoData(ds: DataSource, filesDir: string, now = new Date()): Promise<DemoSummary | null> {
  const em = ds.manager
  if (await openidExists(em, MARKER)) return null
  const rand = seededRandom(20201123)

  // 1. Officers, with a portrait each.
  mkdirSync(join(filesDir, 'officers'), { recursive: true })
  const officers: Array<{ user: User; policeNumber: string }> = []
  for (let i = 0; i < OFFICERS; i++) {
    const name = personName(rand)
    const policeNumber = String(150300 + i * 17)
    const user = await ensureUser(em, `demo-officer-${i + 1}`, 'officer', name, null)
    writeFileSync(join(filesDir, 'officers', `${policeNumber}.svg`), officerAvatarSvg((i * 37) % 360))
    await saveOfficerProfile(em, {
      userId: user.id,
      policeNumber,
      phone: mobile(rand),
      photoUrl: `/files/officers/${policeNumber}.svg`,
      station: '',
      duties: [...OFFICER_DUTIES],
      dutyHours: i === OFFICE_ONLY ? OFFICE_HOURS : ALL_DAY,
      onLeaveUntil: i === ON_LEAVE ? new Date(now.getTime() + 365 * 86400_000) : null,
    })
    officers.push({ user, policeNumber })
  }

  // 2. Places, through the same CSV import the duty desk uses. Officer k leads grid k; the last grid has none.
  const rows = demoBuildingRows(rand, (grid) =>
    grid < OFFICERS ? officers[grid]!.policeNumber : grid === OFFICERS ? officers[OFFICERS - 1]!.policeNumber : '',
  )
  subscribeDomainEvents() // as the API's import does: a building whose lead changes takes its conversations along
  const imported = await importBuildings(ds, rows, { scope: null })
  if (imported.errors.length > 0) throw new Error(`demo places did not import: ${JSON.stringify(imported.errors.slice(0, 3))}`)

  const district = await findDistrictByName(em, DEMO_DISTRICT)
  const streets = await streetsOf(em, district.id)

  // 3. Each officer belongs to the police station of the street their buildings are in.
  for (const o of officers) {
    const [led] = await buildingsLedBy(em, o.user.id)
    if (led === undefined) throw new Error(`demo officer ${o.policeNumber} leads no building`)
    const building = await findPlaceOrFail(em, led)
    const street = streets.find((s) => s.id === building.streetId)!
    await setScopePlace(em, o.user.id, street.id)
    await setOfficerStation(em, o.user.id, `${street.name.replace(/街道$/, '')}派出所`)
  }

  // 4. Duty desks: one per street, and the district's command centre above them.
  const desks = [
    ...streets.map((s, i) => ({ placeId: s.id, name: `${s.name}值班台`, phone: `0472-51${6 + i}1110` })),
    { placeId: district.id, name: `${DEMO_DISTRICT}公安分局指挥中心`, phone: '0472-5110110' },
  ]
  await addDutyDesks(em, desks)
  await ensureUser(em, 'demo-dispatcher-1', 'dispatcher', personName(rand), streets[0]!.id)
  await ensureUser(em, 'demo-dispatcher-2', 'dispatcher', personName(rand), district.id)
  for (let i = 1; i <= 3; i++) await ensureUser(em, `demo-volunteer-${i}`, 'volunteer', personName(rand), district.id)

  // 5. Residents: one under an on-duty officer, one whose officer is on leave, one in a building without an officer, one not yet bound.
  const codes = {
    onDuty: rows[0]!.building_code,
    onLeave: rows.find((r) => r.officer_police_number === officers[ON_LEAVE]!.policeNumber)!.building_code,
    noOfficer: rows.find((r) => !r.officer_police_number)!.building_code,
  }
  const homes = [codes.onDuty, codes.onLeave, codes.noOfficer, null, rows[5]!.building_code, rows[9]!.building_code]
  for (const [i, code] of homes.entries()) {
    const resident = await ensureUser(em, `demo-resident-${i + 1}`, 'resident', personName(rand), null)
    if (!code) continue
    const building = await buildingByCodeOrFail(em, code)
    const unit = await firstUnitOf(em, building.id)
    await saveResidence(em, { userId: resident.id, buildingId: building.id, unitId: unit?.id ?? null })
  }
  await ensureUser(em, MARKER, 'admin', '系统管理员', district.id)
  const buildings = await countBuildingsWithin(em, district)
  return { buildings, officers: OFFICERS, qr: codes }
}
