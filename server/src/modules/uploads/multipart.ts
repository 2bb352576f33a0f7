import busboy from 'busboy'
import type { Context } from 'koa'
import { AppError, badRequest } from '../../errors/app-error'

/**
 * Reads the one file of a multipart/form-data request — what `Taro.uploadFile({ name: 'file' })`
 * and a browser's FormData send — into memory, refusing it as soon as it grows past `maxBytes`.
 */
export async function readSingleFile(ctx: Context, opts: { field: string; maxBytes: number }): Promise<Buffer> {
  if (!ctx.is('multipart/form-data')) throw badRequest('请以 multipart/form-data 上传照片（字段 file）')
  const tooLarge = () => new AppError(413, 'payload_too_large', `照片不能超过 ${Math.round(opts.maxBytes / 1024 / 1024)} MB`)
  // A declared length far over the limit is refused before a byte is read (the form's own fields add a little).
  const declared = Number(ctx.get('content-length'))
  if (Number.isFinite(declared) && declared > opts.maxBytes + 64 * 1024) throw tooLarge()

  let parser: busboy.Busboy
  try {
    parser = busboy({ headers: ctx.req.headers, limits: { files: 1, fileSize: opts.maxBytes, fields: 10, parts: 20, fieldSize: 4096 } })
  } catch {
    throw badRequest('上传内容格式不正确')
  }

  return new Promise<Buffer>((resolve, reject) => {
    let file: Buffer | null = null
    let failed = false
    const fail = (err: AppError) => {
      if (failed) return
      failed = true
      // Stop parsing and keep nothing more; the rest of the body is read and dropped so the
      // connection stays usable and the client gets to read the answer.
      ctx.req.unpipe(parser)
      ctx.req.resume()
      parser.removeAllListeners('file')
      reject(err)
    }

    const malformed = () => badRequest('上传内容格式不正确')
    parser.on('file', (name, stream) => {
      // busboy destroys a part still open when the body is cut short ("Unexpected end of form");
      // unheard, that error event would be uncaught and end the process, not just this request.
      stream.on('error', () => fail(malformed()))
      if (name !== opts.field) return void stream.resume()
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('limit', () => {
        chunks.length = 0
        stream.resume()
        fail(tooLarge())
      })
      stream.on('end', () => {
        if (!failed) file = Buffer.concat(chunks)
      })
    })
    parser.on('filesLimit', () => fail(badRequest('一次只能上传一张照片')))
    parser.on('partsLimit', () => fail(malformed()))
    parser.on('error', () => fail(malformed()))
    parser.on('close', () => {
      if (failed) return
      if (!file || file.length === 0) return fail(badRequest('请选择要上传的照片（字段 file）'))
      resolve(file)
    })
    ctx.req.on('aborted', () => fail(badRequest('上传中断，请重试')))
    ctx.req.on('error', () => fail(badRequest('上传中断，请重试')))
    ctx.req.pipe(parser)
  })
}
