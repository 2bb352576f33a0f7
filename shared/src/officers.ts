import { z } from 'zod'
import { dutyHoursSchema } from './duty'
import { officerDutySchema } from './roles'

export const phoneSchema = z
  .string()
  .trim()
  .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, '请输入正确的手机号或座机号')
export const policeNumberSchema = z
  .string()
  .trim()
  .regex(/^\d{6}$/, '警号为 6 位数字')

/** What a resident sees of the officer who leads their building. */
export const officerCardSchema = z.object({
  userId: z.number().int(),
  name: z.string(),
  policeNumber: z.string(),
  phone: z.string(),
  photoUrl: z.string().nullable(),
  station: z.string(),
  duties: z.array(officerDutySchema),
  dutyHoursText: z.string(),
  onDuty: z.boolean(),
  /** on_leave wins over the duty hours; statusText is ready to show: 在岗 / 休息中 / 休假中（至 12月1日） */
  status: z.enum(['on_duty', 'off_duty', 'on_leave']),
  statusText: z.string(),
})
export type OfficerCard = z.infer<typeof officerCardSchema>

export const dutyDeskCardSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  phone: z.string(),
  placeName: z.string(),
})
export type DutyDeskCard = z.infer<typeof dutyDeskCardSchema>

export const COVER_REASONS = ['off_duty', 'no_officer'] as const
export const buildingLeadCardSchema = z.object({
  building: z.object({
    id: z.number().int(),
    name: z.string(),
    community: z.string(),
    street: z.string(),
    address: z.string().nullable(),
  }),
  officer: officerCardSchema.nullable(),
  /** Set when someone other than the building's officer answers now: the duty desk that covers the place. */
  cover: z.object({ reason: z.enum(COVER_REASONS), dutyDesk: dutyDeskCardSchema.nullable() }).nullable(),
})
export type BuildingLeadCard = z.infer<typeof buildingLeadCardSchema>

export const officerProfileUpdateSchema = z.object({
  phone: phoneSchema.optional(),
  duties: z.array(officerDutySchema).min(1).optional(),
  dutyHours: dutyHoursSchema.optional(),
  onLeaveUntil: z.iso.datetime().nullable().optional(),
})
export type OfficerProfileUpdate = z.infer<typeof officerProfileUpdateSchema>

export const assignBuildingLeadSchema = z.object({
  buildingId: z.number().int().positive(),
  officerUserId: z.number().int().positive(),
})
export type AssignBuildingLeadInput = z.infer<typeof assignBuildingLeadSchema>

/** An officer's home: the buildings they lead and how many residents have bound to each. */
export const officerOverviewSchema = z.object({
  officer: officerCardSchema,
  buildings: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      community: z.string(),
      grid: z.string(),
      residents: z.number().int(),
    }),
  ),
  totalResidents: z.number().int(),
})
export type OfficerOverview = z.infer<typeof officerOverviewSchema>

/** The duty desk's home: its place scope at a glance. */
export const deskOverviewSchema = z.object({
  scope: z.object({ id: z.number().int(), level: z.string(), name: z.string() }),
  dutyDesk: dutyDeskCardSchema.nullable(),
  buildings: z.number().int(),
  buildingsWithoutOfficer: z.number().int(),
  residents: z.number().int(),
  officers: z.array(
    z.object({
      userId: z.number().int(),
      name: z.string(),
      policeNumber: z.string(),
      onDuty: z.boolean(),
      buildings: z.number().int(),
    }),
  ),
})
export type DeskOverview = z.infer<typeof deskOverviewSchema>
