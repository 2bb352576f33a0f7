import { createHash, randomInt } from 'node:crypto'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { deflateSync } from 'node:zlib'
import sharp from 'sharp'
import type { TestApp } from '../../test/harness'
import { Upload } from './entities'

/**
 * A phone photo as phones make them: 3000×1000 stored sideways (EXIF orientation 6), red on top
 * and blue below, with the camera's make and a GPS position in its EXIF.
 */
export async function sidewaysJpegWithGps(): Promise<Buffer> {
  const raw = await sharp({ create: { width: 3000, height: 1000, channels: 3, background: '#ff0000' } })
    .composite([{ input: { create: { width: 3000, height: 500, channels: 3, background: '#0000ff' } }, top: 500, left: 0 }])
    .jpeg()
    .toBuffer()
  return sharp(raw)
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD0: { Make: 'AnjuTestPhone' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '40/1 39/1 1234/100', GPSLongitudeRef: 'E', GPSLongitude: '109/1 50/1 0/1' },
    })
    .jpeg({ quality: 90 })
    .toBuffer()
}

/** The GPS IFD pointer tag (0x8825), in either byte order. */
export const hasGpsIfd = (exif: Buffer) => exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88]))

export const smallPng = (alpha = false) =>
  sharp({ create: { width: 40, height: 30, channels: alpha ? 4 : 3, background: alpha ? { r: 0, g: 128, b: 0, alpha: 0.5 } : '#00aa00' } })
    .png()
    .toBuffer()

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
const crc32 = (buf: Buffer) => {
  let c = 0xffffffff
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
const pngChunk = (type: string, data: Buffer) => {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const out = Buffer.alloc(body.length + 8)
  out.writeUInt32BE(data.length, 0)
  body.copy(out, 4)
  out.writeUInt32BE(crc32(body), body.length + 4)
  return out
}

/** A decompression bomb's shape: a tiny, valid PNG header claiming width × height pixels. */
export function pngClaiming(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr.set([8, 2, 0, 0, 0], 8) // 8-bit RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(Buffer.alloc(1024))),
    pngChunk('IEND', Buffer.alloc(0)),
  ])
}

/** POSTs one file the way Taro.uploadFile does (multipart, field "file" unless told). */
export async function postFile(
  t: TestApp,
  token: string | null,
  bytes: Buffer,
  opts: { field?: string; filename?: string; type?: string; purpose?: string } = {},
): Promise<{ status: number; body: any }> {
  const form = new FormData()
  form.append(opts.field ?? 'file', new Blob([new Uint8Array(bytes)], { type: opts.type ?? 'image/jpeg' }), opts.filename ?? 'photo.jpg')
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {}
  const res = await fetch(`${t.url}/api/uploads?purpose=${opts.purpose ?? 'ticket'}`, { method: 'POST', headers, body: form })
  return { status: res.status, body: await res.json() }
}

/** Every file under the uploads folder, to prove a refused upload left nothing behind. */
export function storedFiles(t: TestApp): string[] {
  const root = join(t.ctx.config.dataDir, 'uploads')
  if (!existsSync(root)) return []
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name)
      return statSync(path).isDirectory() ? walk(path) : [path]
    })
  return walk(root)
}

export const uploadCount = (t: TestApp) => t.ds.getRepository(Upload).count()

/** Waits until the upload's review leaves 'pending' (the stand-in pushes the verdict shortly). */
export async function reviewSettled(t: TestApp, id: number, timeoutMs = 5000): Promise<Upload> {
  const until = Date.now() + timeoutMs
  for (;;) {
    const upload = await t.ds.getRepository(Upload).findOneByOrFail({ id })
    if (upload.review !== 'pending' || Date.now() > until) return upload
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

/** A push request signed as WeChat signs it (or with a wrong token). */
export function signedPushUrl(t: TestApp, token = t.ctx.config.wechat.pushToken, extra: Record<string, string> = {}): string {
  const timestamp = String(Math.floor(Date.now() / 1000))
  const nonce = String(randomInt(1e9))
  const signature = createHash('sha1').update([token, timestamp, nonce].sort().join('')).digest('hex')
  return `${t.url}/api/wechat/push?${new URLSearchParams({ signature, timestamp, nonce, ...extra })}`
}
