/**
 * Where uploaded images are kept. The local folder (modules/uploads/storage.ts) serves one machine
 * (a demo, a small district); a city running several instances plugs an object store in here
 * through `AppContext.uploadStorage`.
 */
export interface UploadStorage {
  put(key: string, bytes: Buffer, mime: string): Promise<void>
  /** null when there is no such object. */
  get(key: string): Promise<Buffer | null>
  delete(key: string): Promise<void>
}
