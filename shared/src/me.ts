import { z } from 'zod'
import { roleSchema } from './roles'

export const meSchema = z.object({
  user: z.object({ id: z.number().int(), role: roleSchema, name: z.string() }),
  residence: z
    .object({
      building: z.object({ id: z.number().int(), name: z.string(), community: z.string(), street: z.string() }),
      unit: z.object({ id: z.number().int(), name: z.string() }).nullable(),
    })
    .nullable(),
  /** For staff: the place they serve (a dispatcher's or volunteer's scope, an officer's station). */
  scope: z.object({ id: z.number().int(), level: z.string(), name: z.string() }).nullable(),
})
export type Me = z.infer<typeof meSchema>

export const updateMeSchema = z.object({
  name: z.string().trim().min(1, '称呼不能为空').max(20, '称呼最长 20 个字'),
})
export type UpdateMeInput = z.infer<typeof updateMeSchema>
