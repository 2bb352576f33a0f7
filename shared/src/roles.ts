import { z } from 'zod'

/** Who a user is in Anju. Staff roles come only from an invite (see invites.ts). */
export const ROLES = ['resident', 'officer', 'volunteer', 'dispatcher', 'admin'] as const
export const roleSchema = z.enum(ROLES)
export type Role = z.infer<typeof roleSchema>

export const STAFF_ROLES = ['officer', 'volunteer', 'dispatcher', 'admin'] as const satisfies readonly Role[]
export type StaffRole = (typeof STAFF_ROLES)[number]

export const ROLE_LABELS: Record<Role, string> = {
  resident: '居民',
  officer: '楼长民警',
  volunteer: '法律援助志愿者',
  dispatcher: '值班台',
  admin: '系统管理员',
}

/** The six duties a building-lead officer carries (from the Baotou practice). */
export const OFFICER_DUTIES = ['宣传员', '安全员', '调解员', '治安管理员', '信息采集员', '情报收集员'] as const
export const officerDutySchema = z.enum(OFFICER_DUTIES)
export type OfficerDuty = z.infer<typeof officerDutySchema>
