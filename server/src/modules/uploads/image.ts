import sharp from 'sharp'
import { AppError } from '../../errors/app-error'

/**
 * Turns what a phone sent into the image Anju keeps: decoded, turned upright, shrunk to fit
 * 2048 px, and re-encoded without any metadata — a resident's photo carries the GPS position of
 * their home in its EXIF, and nobody who later sees the photo needs that.
 */

export type SourceType = 'jpeg' | 'png' | 'webp' | 'gif' | 'heic'

export interface StoredImage {
  bytes: Buffer
  mime: 'image/jpeg' | 'image/png'
  ext: 'jpg' | 'png'
  width: number
  height: number
}

const MAX_EDGE = 2048
const JPEG_QUALITY = 82
/**
 * Decompression bombs: a few kilobytes of PNG can claim 100k × 100k pixels, gigabytes once
 * decoded. 60 MP admits ordinary 12–50 MP phone photos; the rare 108/200 MP modes are refused
 * with a clear message (the mini-program compresses before uploading anyway).
 */
const MAX_INPUT_PIXELS = 60_000_000

export const UNSUPPORTED_MESSAGE = '只能上传照片（JPG、PNG、WebP）'

const startsWith = (bytes: Buffer, magic: number[], offset = 0) => magic.every((b, i) => bytes[offset + i] === b)
const ascii = (bytes: Buffer, start: number, end: number) => bytes.subarray(start, end).toString('latin1')

/** The type from the first bytes, never from the file name or the Content-Type a client claims. */
export function detectImageType(bytes: Buffer): SourceType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg'
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png'
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'webp'
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return 'gif'
  // ISO-BMFF: "ftyp" at 4, then the brand. iPhones save HEIC.
  if (ascii(bytes, 4, 8) === 'ftyp' && /^(heic|heix|hevc|hevx|heim|heis|mif1|msf1)$/.test(ascii(bytes, 8, 12))) return 'heic'
  return null
}

export async function normalizeImage(input: Buffer): Promise<StoredImage> {
  const type = detectImageType(input)
  if (!type) throw new AppError(415, 'unsupported_media_type', UNSUPPORTED_MESSAGE)
  // pages: 1 → the first frame of a GIF; autoOrient applies the EXIF orientation before it is dropped.
  const open = () => sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error', pages: 1, autoOrient: true })
  try {
    const meta = await open().metadata()
    const keepAlpha = meta.hasAlpha === true && type !== 'jpeg' && !(await open().stats()).isOpaque
    const pipeline = open().resize(MAX_EDGE, MAX_EDGE, { fit: 'inside', withoutEnlargement: true })
    // sharp writes no metadata unless asked (withMetadata/keepExif), so EXIF, GPS and XMP are gone.
    const { data, info } = keepAlpha
      ? await pipeline.png({ compressionLevel: 9, palette: false }).toBuffer({ resolveWithObject: true })
      : await pipeline
          .flatten({ background: '#ffffff' })
          .jpeg({ quality: JPEG_QUALITY, mozjpeg: true })
          .toBuffer({ resolveWithObject: true })
    return keepAlpha
      ? { bytes: data, mime: 'image/png', ext: 'png', width: info.width, height: info.height }
      : { bytes: data, mime: 'image/jpeg', ext: 'jpg', width: info.width, height: info.height }
  } catch (err) {
    throw decodeError(type, err)
  }
}

function decodeError(type: SourceType, err: unknown): AppError {
  const message = err instanceof Error ? err.message : ''
  if (/pixel limit/i.test(message)) return new AppError(413, 'payload_too_large', '照片尺寸太大，请换一张或压缩后再上传')
  // The prebuilt libvips reads AVIF but not HEVC-coded HEIC; the mini-program converts when it compresses.
  if (type === 'heic') return new AppError(415, 'unsupported_media_type', `${UNSUPPORTED_MESSAGE}，请在手机设置中改用“兼容性最佳”格式`)
  return new AppError(415, 'unsupported_media_type', '照片文件已损坏，无法读取，请重新选择')
}
