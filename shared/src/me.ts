import { z } from 'zod'
import { roleSchema, type Role } from './roles'
import { residentNameSchema, userText } from './text'

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

/**
 * What anyone may be called: no invisible characters, not empty. This is what the API takes from
 * everyone; who is asking decides the rest (`updateMeSchemaFor`).
 */
export const updateMeSchema = z.object({
  name: userText({ label: '称呼', max: 20, emptyMessage: '称呼不能为空', maxMessage: '称呼最长 20 个字' }),
})
export type UpdateMeInput = z.infer<typeof updateMeSchema>

/** A resident's name is shown to officers and the duty desk: no staff titles either. */
export const residentUpdateMeSchema = z.object({ name: residentNameSchema })

/**
 * The rule for the caller's own name. Staff keep the name their invite gave them, which may carry
 * a title (值班民警王强); refusing it would stop them saving their own profile.
 */
export const updateMeSchemaFor = (role: Role) => (role === 'resident' ? residentUpdateMeSchema : updateMeSchema)
