import { randomBytes } from 'node:crypto'
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { dirname, join, resolve, sep } from 'node:path'
import type { AppContext } from '../../context'
import type { UploadStorage } from '../../lib/upload-storage'

/** A 128-bit random key under a month folder: unguessable, and no folder grows without bound. */
export function newStorageKey(ext: string, now: Date): string {
  const month = now.toISOString().slice(0, 7)
  return `${month}/${randomBytes(16).toString('hex')}.${ext}`
}

const KEY = /^\d{4}-\d{2}\/[0-9a-f]{32}\.[a-z]{3,4}$/

/**
 * Files under `<dataDir>/uploads` — deliberately not `<dataDir>/files`, which is served to anyone:
 * these are residents' photos and are only handed out through signed, expiring URLs.
 */
export class LocalFolderStorage implements UploadStorage {
  private readonly root: string

  constructor(root: string) {
    this.root = resolve(root)
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    const file = this.path(key)
    await mkdir(dirname(file), { recursive: true })
    // Write then rename: a crash never leaves a half-written image under the real key.
    const partial = `${file}.${randomBytes(4).toString('hex')}.part`
    await writeFile(partial, bytes, { mode: 0o600 })
    await rename(partial, file)
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.path(key))
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw err
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.path(key), { force: true })
  }

  private path(key: string): string {
    // Keys come from newStorageKey, but a bad row must never reach outside the folder.
    if (!KEY.test(key)) throw new Error('malformed storage key')
    const file = join(this.root, key)
    if (!file.startsWith(this.root + sep)) throw new Error('storage key escapes the folder')
    return file
  }
}

const defaults = new WeakMap<AppContext, UploadStorage>()

export function storageFor(app: AppContext): UploadStorage {
  if (app.uploadStorage) return app.uploadStorage
  let storage = defaults.get(app)
  if (!storage) {
    storage = new LocalFolderStorage(join(app.config.dataDir, 'uploads'))
    defaults.set(app, storage)
  }
  return storage
}
