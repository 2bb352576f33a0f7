import { z } from 'zod'
import { userText } from './text'

/** district → street → community → grid → building → unit (区/旗县 → 街道/镇 → 社区/嘎查村 → 网格 → 楼栋 → 单元). */
export const PLACE_LEVELS = ['district', 'street', 'community', 'grid', 'building', 'unit'] as const
export const placeLevelSchema = z.enum(PLACE_LEVELS)
export type PlaceLevel = z.infer<typeof placeLevelSchema>

export const PLACE_LEVEL_LABELS: Record<PlaceLevel, string> = {
  district: '区',
  street: '街道',
  community: '社区',
  grid: '网格',
  building: '楼栋',
  unit: '单元',
}

export const idSchema = z.coerce.number().int().positive()

export const placeSchema = z.object({
  id: z.number().int(),
  parentId: z.number().int().nullable(),
  level: placeLevelSchema,
  name: z.string(),
  code: z.string(),
  address: z.string().nullable(),
})
export type Place = z.infer<typeof placeSchema>

/** A building as a resident sees it when choosing where they live. */
export const buildingSummarySchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  address: z.string().nullable(),
  community: z.string(),
  street: z.string(),
  district: z.string(),
  units: z.array(z.object({ id: z.number().int(), name: z.string() })),
})
export type BuildingSummary = z.infer<typeof buildingSummarySchema>

export const buildingSearchQuerySchema = z.object({
  q: z.string().trim().max(40).optional().default(''),
  communityId: idSchema.optional(),
  limit: z.coerce.number().int().min(1).max(50).optional().default(20),
})
export type BuildingSearchQuery = z.infer<typeof buildingSearchQuerySchema>

export const bindResidenceSchema = z.object({
  buildingId: z.number().int().positive(),
  unitId: z.number().int().positive().nullable().optional(),
})
export type BindResidenceInput = z.infer<typeof bindResidenceSchema>

/**
 * One row of the places CSV: one building with its ancestors by name.
 * Re-importing the same file changes nothing; `building_code` is the building's identity.
 */
export const PLACE_CSV_COLUMNS = [
  'district',
  'street',
  'community',
  'grid',
  'building_code',
  'building',
  'address',
  'units',
  'officer_police_number',
] as const
export const placeCsvRowSchema = z.object({
  district: userText({ label: '区', max: 60, emptyMessage: '区不能为空' }),
  street: userText({ label: '街道', max: 60, emptyMessage: '街道不能为空' }),
  community: userText({ label: '社区', max: 60, emptyMessage: '社区不能为空' }),
  grid: userText({ label: '网格', max: 60, emptyMessage: '网格不能为空' }),
  building_code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,40}$/, '楼栋编码只能包含字母、数字、- 和 _，最长 40 位'),
  building: userText({ label: '楼栋名称', max: 60, emptyMessage: '楼栋名称不能为空' }),
  address: userText({ label: '地址', min: 0, max: 200 }).optional().default(''),
  units: z.coerce.number().int('单元数必须是整数').min(0, '单元数不能为负').max(50, '单元数不能超过 50'),
  officer_police_number: z.string().trim().max(20).optional().default(''),
})
export type PlaceCsvRow = z.infer<typeof placeCsvRowSchema>

export const placeImportResultSchema = z.object({
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  /** The first 100 bad rows by line; `errorCount` says how many there were in all. */
  errors: z.array(z.object({ row: z.number().int(), message: z.string() })),
  errorCount: z.number().int(),
})
export type PlaceImportResult = z.infer<typeof placeImportResultSchema>
