import { z } from 'zod'
import { roleSchema } from './roles'
import { residentNameSchema } from './text'

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
  /** Shown to officers and the duty desk: no staff titles, no invisible characters. */
  name: residentNameSchema,
})
export type UpdateMeInput = z.infer<typeof updateMeSchema>
