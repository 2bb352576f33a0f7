import { createReadStream, createWriteStream } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import type { IncomingMessage } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Transform, pipeline, type Readable } from 'node:stream'
import { CsvError, parse } from 'csv-parse'
import { PLACE_CSV_COLUMNS } from '@anju/shared'
import { AppError, badRequest } from '../../errors/app-error'

/**
 * The places CSV as a stream of records, never as one string: a city's file is read a chunk at a
 * time, so an import holds a few rows in memory and other requests are served between chunks.
 */

/**
 * The most an import may send. 20,000 buildings written by scripts/generate-places-csv.ts take
 * 1.6 MB (about 81 bytes a row); real names and addresses are longer (a row of 100 Chinese
 * characters is about 320 bytes), so 8 MB holds 20,000 such rows with room to spare, while a
 * file that could only be an accident or an attack (the 12 MB one that stalled the server) is
 * refused before it is read.
 */
export const PLACE_CSV_MAX_BYTES = 8 * 2 ** 20

/** One data row: its fields by column name, and the line of the file it ends on. */
export interface CsvRecord {
  line: number
  fields: Record<string, string>
}

const tooLarge = () => new AppError(413, 'payload_too_large', `CSV 文件太大：最多 ${PLACE_CSV_MAX_BYTES / 2 ** 20} MB（约 2 万栋楼）`)
const hungUp = () => badRequest('上传中断，未导入任何内容，请重新上传')
export const emptyCsv = () => badRequest('请上传 CSV 内容（Content-Type: text/csv）')

/**
 * Copies a request body to a temporary file, refusing more than `maxBytes` (by Content-Length up
 * front, or by counting a chunked body), and passes the file to `use`; the file is removed after.
 * The import reads the file twice — once to check every row, once to write — so a file that turns
 * out malformed at its last line has changed nothing. On a refusal the rest of the body is read
 * and dropped, so the client gets the 413 instead of a reset connection.
 */
export async function withRequestBodyFile<T>(req: IncomingMessage, maxBytes: number, use: (file: string) => Promise<T>): Promise<T> {
  const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase()
  if (encoding !== 'identity') throw new AppError(415, 'unsupported_media_type', '请直接上传 CSV 文件，不要压缩')
  if (Number(req.headers['content-length'] ?? 0) > maxBytes) throw tooLarge()
  const dir = await mkdtemp(join(tmpdir(), 'anju-import-'))
  try {
    const file = join(dir, 'places.csv')
    await copyBody(req, file, maxBytes)
    return await use(file)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

function copyBody(req: IncomingMessage, file: string, maxBytes: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const out = createWriteStream(file)
    let bytes = 0
    let settled = false
    const settle = (err?: Error) => {
      if (settled) return
      settled = true
      req.off('data', onData).off('end', onEnd).off('error', onAbort).off('close', onClose)
      if (!err) return void out.end(() => resolve())
      out.destroy()
      req.on('error', () => {}) // a hang-up after the refusal is nobody's concern
      req.resume() // drop the rest so the answer reaches the client
      reject(err)
    }
    const onData = (chunk: Buffer) => {
      bytes += chunk.length
      if (bytes > maxBytes) return settle(tooLarge())
      if (!out.write(chunk)) {
        req.pause()
        out.once('drain', () => req.resume())
      }
    }
    const onEnd = () => settle()
    const onAbort = () => settle(hungUp())
    const onClose = () => {
      if (!req.complete) settle(hungUp())
    }
    out.on('error', (err) => settle(err))
    req.on('data', onData).on('end', onEnd).on('error', onAbort).on('close', onClose)
  })
}

/** UTF-8, strictly: a GBK file (what Excel on a Chinese Windows saves by default) is refused, not imported as mojibake. */
function strictUtf8(): Transform {
  const decoder = new TextDecoder('utf-8', { fatal: true })
  const notUtf8 = () => badRequest('CSV 文件不是 UTF-8 编码：请在 Excel 中“另存为 → CSV UTF-8（逗号分隔）”后再导入')
  return new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _enc, done) {
      try {
        done(null, decoder.decode(chunk, { stream: true }))
      } catch {
        done(notUtf8())
      }
    },
    flush(done) {
      try {
        done(null, decoder.decode())
      } catch {
        done(notUtf8())
      }
    },
  })
}

function checkHeader(header: string[]): string[] {
  const required = PLACE_CSV_COLUMNS.filter((c) => c !== 'address' && c !== 'officer_police_number')
  const missing = required.filter((c) => !header.includes(c))
  if (missing.length > 0) throw badRequest(`CSV 缺少列：${missing.join(', ')}`, { expected: PLACE_CSV_COLUMNS })
  return header
}

/** csv-parse's complaints a spreadsheet user can act on, in words they use. */
const CSV_PROBLEMS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: '引号没有闭合',
  CSV_INVALID_CLOSING_QUOTE: '引号闭合后还有其他字符',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: '引号闭合后还有其他字符',
  CSV_MAX_RECORD_SIZE: '一行太长',
}

/**
 * The data rows of a places CSV, read from `open()` a chunk at a time. A missing column, broken
 * quoting or a body that is not UTF-8 ends the iteration with a 400 AppError; so does a file with
 * no header at all.
 */
export async function* placeCsvRecords(open: () => Readable): AsyncGenerator<CsvRecord> {
  let sawHeader = false
  let lastLine = 1
  const parser = parse({
    columns: (header: string[]) => {
      sawHeader = true
      return checkHeader(header)
    },
    bom: true,
    skip_empty_lines: true,
    trim: true,
    relax_column_count: true,
    info: true,
  })
  // Errors of any stage reach the parser (pipeline destroys every stage with them), so the loop below sees them.
  pipeline(open(), strictUtf8(), parser, () => {})
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
      lastLine = info.lines
      yield { line: info.lines, fields: record }
    }
  } catch (err) {
    if (err instanceof AppError) throw err
    if (err instanceof CsvError) {
      // csv-parse counts to where it gave up (an unclosed quote runs to the end); the broken row starts after the last good one.
      throw badRequest(`CSV 无法解析（第 ${lastLine + 1} 行起）：${CSV_PROBLEMS[err.code] ?? '格式有误'}`, { csvError: err.code })
    }
    throw err
  }
  if (!sawHeader) throw emptyCsv()
}

/** The records of a CSV file on disk (the CLI, and a request body once copied). */
export const placeCsvFileRecords = (file: string) => placeCsvRecords(() => createReadStream(file))
