import { z } from 'zod'
import { STAFF_ROLES } from './roles'
import { phoneSchema, policeNumberSchema } from './officers'
import { personNameSchema } from './text'
import { clientKeySchema } from './client-key'

export const staffRoleSchema = z.enum(STAFF_ROLES)

export const createInviteSchema = z.object({
  /** A retried 生成邀请码 answers with the same invite and code. */
  clientKey: clientKeySchema,
  role: staffRoleSchema,
  placeId: z.number().int().positive(),
  expiresInHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(72),
})
export type CreateInviteInput = z.infer<typeof createInviteSchema>

export const inviteSchema = z.object({
  id: z.number().int(),
  role: staffRoleSchema,
  place: z.object({ id: z.number().int(), name: z.string(), level: z.string() }),
  expiresAt: z.string(),
  usedAt: z.string().nullable(),
  /** Only returned once, when the invite is created. */
  code: z.string().optional(),
})
export type Invite = z.infer<typeof inviteSchema>

/** Officers give their police number and work phone when they join; other staff only a name. */
export const redeemInviteSchema = z.object({
  code: z.string().trim().min(6).max(32),
  name: personNameSchema,
  policeNumber: policeNumberSchema.optional(),
  phone: phoneSchema.optional(),
})
export type RedeemInviteInput = z.infer<typeof redeemInviteSchema>
