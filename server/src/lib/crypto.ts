import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto'

export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex')

/** AES-256-GCM with a random IV: "v1.<iv>.<tag>.<ciphertext>", all base64url. For personal data at rest. */
export function encrypt(key: Buffer, plain: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
  return ['v1', iv, cipher.getAuthTag(), data].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.')
}

export function decrypt(key: Buffer, sealed: string): string {
  const [version, iv, tag, data] = sealed.split('.')
  if (version !== 'v1' || !iv || !tag || data === undefined) throw new Error('unknown ciphertext format')
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'))
  decipher.setAuthTag(Buffer.from(tag, 'base64url'))
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8')
}

/** Human-typable one-time codes: no 0/O, 1/I/L. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
export function humanCode(length: number): string {
  const bytes = randomBytes(length)
  let out = ''
  for (const b of bytes) out += CODE_ALPHABET[b % CODE_ALPHABET.length]
  return out
}

/**
 * A human code that the server can make again from its secret and a label (an invite's creator
 * and clientKey), so a retried request can be answered with the same code while only its hash
 * is stored. Unguessable without the key, like `humanCode`.
 */
export function derivedHumanCode(key: Buffer, label: string, length: number): string {
  const bytes = createHmac('sha256', key).update(`anju-human-code:${label}`).digest()
  let out = ''
  for (const b of bytes.subarray(0, length)) out += CODE_ALPHABET[b % CODE_ALPHABET.length]
  return out
}
