import { randomUUID } from 'node:crypto'
import sharp from 'sharp'
import { startTestApp, type TestApp } from '../../test/harness'
import { Ticket, TicketPhoto } from './entities'
import { categoryId, homeBuildingId, reportBody, tokensFor, uploadPhoto } from './test-helpers'

/**
 * One photo attached by two requests at the same moment (two reports, two notes): the unique
 * index on ticket_photo.uploadId gives it to one; the other hears the 400 a later try would.
 */
let t: TestApp
let tok: Record<string, string>
let fire: number
beforeAll(async () => {
  t = await startTestApp()
  tok = await tokensFor(t, 'demo-resident-1', 'demo-officer-1')
  fire = await categoryId(t, tok['demo-resident-1']!, 'hazard', '消防安全')
})
afterAll(() => t.close())

const png = () =>
  sharp({ create: { width: 64, height: 48, channels: 3, background: '#3a3' } })
    .png()
    .toBuffer()
const TAKEN = { code: 'bad_request', message: '照片已用在其他记录中，请重新上传' }

describe('one photo attached by several requests at once', () => {
  it('two reports: one is filed with the photo, the others answer 400 and file nothing', async () => {
    const resident = tok['demo-resident-1']!
    const photo = (await uploadPhoto(t, resident, await png())).body.id
    const buildingId = await homeBuildingId(t, resident)
    const description = `楼道灭火器过期了，请尽快更换 ${randomUUID().slice(0, 8)}`
    const submit = () =>
      t.call('POST', '/api/tickets', {
        token: resident,
        body: reportBody(fire, { photoIds: [photo], description, location: { type: 'building', buildingId } }),
      })
    const answers = await Promise.all([submit(), submit(), submit()])
    expect(answers.map((a) => a.status).sort()).toEqual([201, 400, 400])
    for (const refused of answers.filter((a) => a.status === 400)) expect(refused.body.error).toMatchObject(TAKEN)
    expect(await t.ds.manager.countBy(TicketPhoto, { uploadId: photo })).toBe(1)
    expect(await t.ds.manager.countBy(Ticket, { description })).toBe(1)
  })

  it('two notes on a ticket: one carries the photo, the others answer 400', async () => {
    const resident = tok['demo-resident-1']!
    const officer = tok['demo-officer-1']!
    const buildingId = await homeBuildingId(t, resident)
    const filed = await t.call('POST', '/api/tickets', {
      token: resident,
      body: reportBody(fire, { location: { type: 'building', buildingId } }),
    })
    const photo = (await uploadPhoto(t, officer, await png())).body.id
    const note = () =>
      t.call('POST', `/api/tickets/${filed.body.ticket.id}/actions`, {
        token: officer,
        body: { action: 'note', clientKey: randomUUID(), text: '现场照片', visibility: 'internal', photoIds: [photo] },
      })
    const answers = await Promise.all([note(), note(), note()])
    expect(answers.map((a) => a.status).sort()).toEqual([200, 400, 400])
    for (const refused of answers.filter((a) => a.status === 400)) expect(refused.body.error).toMatchObject(TAKEN)
    expect(await t.ds.manager.countBy(TicketPhoto, { uploadId: photo })).toBe(1)
  })
})
