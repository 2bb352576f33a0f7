import { In, type DataSource, type EntityManager } from 'typeorm'
import { placeCsvRowSchema, type PlaceImportResult } from '@anju/shared'
import { isDeadlock, isUniqueViolation } from '../../db/errors'
import { Place } from './entities'
import {
  ANCESTORS,
  loadAncestors,
  writeBatch,
  type AncestorLevel,
  type AncestorMap,
  type Outcome,
  type PlaceImportExtension,
  type ValidRow,
} from './import-batch'
import type { CsvRecord } from './import-csv'

/**
 * Loads buildings (with their district, street, community, grid and units) from a CSV file.
 * Two passes over the records: the first checks every row and reports the bad ones by line (the
 * first 100, and how many in all), writing nothing — so a file that turns out unreadable halfway
 * changes nothing; the second writes the good rows in batches of a few hundred, one transaction
 * each, yielding to the event loop between batches so the server keeps answering. Bad rows are
 * skipped, good ones imported (per row, as before streaming). A building is identified by its
 * code, ancestors by name under their parent, units by name under their building — so running the
 * same file twice changes nothing.
 */
const BATCH = 250
export const MAX_REPORTED_ERRORS = 100

/** Rows as parsed objects (the demo seed), or a way to read the records again (a CSV file). */
export type PlaceRecords = readonly object[] | (() => AsyncIterable<CsvRecord>)

export interface ImportOptions {
  /** Only places under this one may be touched (a dispatcher's scope); null for everything. */
  scope: Place | null
  onProgress?: (done: number, total: number) => void
  /** What a module above imports from the same rows, in the same transactions (officers: building leads). */
  extension?: PlaceImportExtension
}

/**
 * The first errors by line, and how many there were: a file of bad rows answers in a few kB.
 * Each pass over the file (checking, then writing) reports its errors in line order, so a pass
 * keeps its first ones by appending; the passes interleave by line and are merged once, at the end.
 */
class ErrorReport {
  count = 0
  private readonly passes: Array<Array<{ row: number; message: string }>> = []

  /** Starts a pass; the function it gives must be called in line order. */
  pass(): (row: number, message: string) => void {
    const kept: Array<{ row: number; message: string }> = []
    this.passes.push(kept)
    return (row, message) => {
      this.count += 1
      if (kept.length < MAX_REPORTED_ERRORS) kept.push({ row, message })
    }
  }

  first(): Array<{ row: number; message: string }> {
    return this.passes
      .flat()
      .sort((a, b) => a.row - b.row)
      .slice(0, MAX_REPORTED_ERRORS)
  }
}

interface Checker {
  check(record: CsvRecord): ValidRow | string
}

async function rowChecker(em: EntityManager, scope: Place | null, extension: PlaceImportExtension | undefined): Promise<Checker> {
  const scopeNames = scope ? await scopeChainNames(em, scope) : null
  const seenCodes = new Set<string>()
  return {
    check({ line, fields }) {
      const parsed = placeCsvRowSchema.safeParse(fields)
      if (!parsed.success) return parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('；')
      const row = parsed.data
      if (seenCodes.has(row.building_code)) return `楼栋编码 ${row.building_code} 在文件中重复`
      const refused = extension?.check(row)
      if (refused) return refused
      if (scopeNames?.some(([level, name]) => row[level] !== name)) return `不在您的管辖范围（${scopeNames.map(([, n]) => n).join(' ')}）内`
      seenCodes.add(row.building_code)
      return { ...row, line }
    },
  }
}

async function* recordsOf(source: PlaceRecords): AsyncGenerator<CsvRecord> {
  if (typeof source === 'function') return yield* source()
  for (const [i, fields] of source.entries()) yield { line: i + 2, fields: fields as Record<string, string> } // line 1 is the header
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))

export async function importPlaces(ds: DataSource, source: PlaceRecords, opts: ImportOptions): Promise<PlaceImportResult> {
  const errors = new ErrorReport()
  let rows = 0
  let good = 0
  const checking = await rowChecker(ds.manager, opts.scope, opts.extension)
  const checkError = errors.pass()
  for await (const record of recordsOf(source)) {
    rows += 1
    const checked = checking.check(record)
    if (typeof checked === 'string') checkError(record.line, checked)
    else good += 1
  }

  const result = { rows, created: 0, updated: 0, unchanged: 0 }
  const ancestors = await loadAncestors(ds.manager)
  const writing = await rowChecker(ds.manager, opts.scope, opts.extension)
  // Batches are written in file order and their outcomes come back in row order.
  const writeError = errors.pass()
  let batch: ValidRow[] = []
  let done = 0
  const flush = async () => {
    const rowsOfBatch = batch
    batch = []
    const outcomes = await writeBatchOnce(ds, rowsOfBatch, ancestors, opts.extension)
    outcomes.forEach((outcome, i) => {
      if (typeof outcome === 'string') result[outcome] += 1
      else writeError(rowsOfBatch[i]!.line, outcome.error)
    })
    done += rowsOfBatch.length
    opts.onProgress?.(done, good)
    await nextTurn() // let waiting requests in before the next batch
  }
  for await (const record of recordsOf(source)) {
    const checked = writing.check(record)
    if (typeof checked === 'string') continue // reported by the first pass
    batch.push(checked)
    if (batch.length >= BATCH) await flush()
  }
  if (batch.length > 0) await flush()
  return { ...result, errors: errors.first(), errorCount: errors.count }
}

const BATCH_ATTEMPTS = 8

/**
 * Another import at the same time may create the same district, street, grid, building or unit
 * between this batch's reads and its inserts: the unique indexes refuse the second copy, or, on
 * MySQL, the wait for the other's uncommitted row ends in a deadlock. The batch's transaction is
 * then rolled back whole and, after a growing pause (for the other batch to commit), written
 * again from fresh reads, which now find the other import's rows and use them.
 */
async function writeBatchOnce(
  ds: DataSource,
  rows: ValidRow[],
  ancestors: AncestorMap,
  extension: PlaceImportExtension | undefined,
): Promise<Outcome[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await ds.transaction((em) => writeBatch(em, rows, ancestors, extension))
    } catch (err) {
      if (attempt >= BATCH_ATTEMPTS || !(isUniqueViolation(err) || isDeadlock(err))) throw err
      await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt + Math.random() * 50))
      // The cache may hold places the rolled-back transaction made: read it again.
      const fresh = await loadAncestors(ds.manager)
      ancestors.clear()
      for (const [k, place] of fresh) ancestors.set(k, place)
    }
  }
}

async function scopeChainNames(em: EntityManager, scope: Place): Promise<Array<[AncestorLevel, string]>> {
  const ids = [scope.districtId, scope.streetId, scope.communityId, scope.gridId].filter((x): x is number => x !== null)
  const chain = [...(await em.findBy(Place, { id: In(ids) })), scope]
  return ANCESTORS.flatMap((level) => {
    const p = chain.find((c) => c.level === level)
    return p ? [[level, p.name] as [AncestorLevel, string]] : []
  })
}
