import { randomUUID } from 'node:crypto'
import { startTestApp, type TestApp } from '../../test/harness'
import { Upload } from './entities'
import { smallPng, storedFiles } from './test-helpers'

/**
 * A photo upload retried after a lost answer (weak signal on the stairs) sends the same clientKey:
 * the first upload comes back, and no second row or file is kept.
 */
let t: TestApp
let token: string
beforeAll(async () => {
  t = await startTestApp()
  token = (await t.loginAs('demo-resident-1')).accessToken
})
afterAll(() => t.close())

async function post(
  bytes: Buffer,
  clientKey: string | undefined,
): Promise<{ status: number; body: { id: number; error: { code: string } } }> {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/png' }), 'photo.png')
  const key = clientKey === undefined ? '' : `&clientKey=${encodeURIComponent(clientKey)}`
  const res = await fetch(`${t.url}/api/uploads?purpose=ticket${key}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  })
  return { status: res.status, body: (await res.json()) as { id: number; error: { code: string } } }
}

describe('uploads are idempotent on the clientKey', () => {
  it('a retried upload answers 201 with the first photo; one row, one stored file', async () => {
    const png = await smallPng()
    const clientKey = randomUUID()
    const filesBefore = storedFiles(t).length
    const first = await post(png, clientKey)
    const retry = await post(png, clientKey)
    expect([first.status, retry.status]).toEqual([201, 201])
    expect(retry.body.id).toBe(first.body.id)
    expect(await t.ds.manager.countBy(Upload, { clientKey })).toBe(1)
    expect(storedFiles(t).length).toBe(filesBefore + 1)
  })

  it('two copies at once keep one row and one file, and both answer with it', async () => {
    const png = await smallPng()
    const clientKey = randomUUID()
    const filesBefore = storedFiles(t).length
    const answers = await Promise.all([post(png, clientKey), post(png, clientKey), post(png, clientKey)])
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201])
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1)
    expect(await t.ds.manager.countBy(Upload, { clientKey })).toBe(1)
    expect(storedFiles(t).length).toBe(filesBefore + 1)
  })

  it('a malformed key is refused and stores nothing', async () => {
    const before = [await t.ds.manager.count(Upload), storedFiles(t).length]
    const res = await post(await smallPng(), 'photo-1')
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe('validation_failed')
    expect([await t.ds.manager.count(Upload), storedFiles(t).length]).toEqual(before)
  })
})
