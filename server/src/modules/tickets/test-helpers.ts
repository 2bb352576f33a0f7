import { randomUUID } from 'node:crypto'
import type { TestApp } from '../../test/harness'

/** Test helpers for the tickets tests: log in the demo people and report as a resident would. */
export async function tokensFor(t: TestApp, ...openids: string[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const openid of openids) out[openid] = (await t.loginAs(openid)).accessToken
  return out
}

export async function categoryId(t: TestApp, token: string, kind: 'hazard' | 'dispute', name: string): Promise<number> {
  const res = await t.call('GET', `/api/ticket-categories?kind=${kind}`, { token })
  const found = (res.body.items as Array<{ id: number; name: string }>).find((c) => c.name === name)
  if (!found) throw new Error(`no category ${name}`)
  return found.id
}

export function reportBody(categoryId: number, extra: Record<string, unknown> = {}) {
  return {
    clientKey: randomUUID(),
    kind: 'hazard',
    categoryId,
    description: '3单元楼道里堆满了纸箱和旧家具，挡住了消防通道',
    photoIds: [],
    location: { type: 'building', buildingId: undefined as number | undefined },
    anonymous: false,
    subscribed: ['accepted', 'resolved', 'escalated'],
    ...extra,
  }
}

/** The resident's own building id, from /api/me. */
export async function homeBuildingId(t: TestApp, token: string): Promise<number> {
  const me = await t.call('GET', '/api/me', { token })
  return me.body.residence.building.id
}

export async function report(t: TestApp, token: string, categoryId: number, extra: Record<string, unknown> = {}) {
  const body = reportBody(categoryId, extra)
  if (!('location' in extra)) body.location = { type: 'building', buildingId: await homeBuildingId(t, token) }
  const res = await t.call('POST', '/api/tickets', { token, body })
  if (res.status !== 201) throw new Error(`report failed: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body as {
    ticket: { id: number; number: string; status: string; actions: string[] }
    receipt: Record<string, string | null>
    replayed: boolean
  }
}

/** One tap of an action button: a fresh clientKey unless the test replays one. */
export const act = (t: TestApp, token: string, id: number, body: Record<string, unknown>) =>
  t.call('POST', `/api/tickets/${id}/actions`, { token, body: { clientKey: randomUUID(), ...body } })

/** A small real PNG, uploaded the way Taro.uploadFile sends it (multipart, field "file"). */
export async function uploadPhoto(t: TestApp, token: string, bytes: Buffer): Promise<{ status: number; body: any }> {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/png' }), 'photo.png')
  const res = await fetch(`${t.url}/api/uploads?purpose=ticket`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  })
  return { status: res.status, body: await res.json() }
}
