import type { AppError } from '../../errors/app-error'
import { startTestApp, type TestApp } from '../../test/harness'
import { categoryId, report } from '../tickets/test-helpers'
import { Upload } from './entities'
import { claimUploads } from './service'
import { postFile, smallPng } from './test-helpers'

let t: TestApp
let mine: { id: number; userId: number }[]
let theirs: number
let officerPhoto: number
let myToken: string
beforeAll(async () => {
  t = await startTestApp()
  const me = await t.loginAs('demo-resident-1')
  myToken = me.accessToken
  mine = []
  for (let i = 0; i < 3; i++) mine.push({ id: (await postFile(t, me.accessToken, await smallPng())).body.id, userId: me.user.id })
  theirs = (await postFile(t, (await t.loginAs('demo-resident-2')).accessToken, await smallPng())).body.id
  const officer = await t.loginAs('demo-officer-1')
  officerPhoto = (await postFile(t, officer.accessToken, await smallPng(), { purpose: 'officer_photo' })).body.id
})
afterAll(() => t.close())

async function refusal(ids: number[], purpose = 'ticket', owner = mine[0]!.userId): Promise<AppError> {
  try {
    await claimUploads(t.ds.manager, owner, ids, purpose)
  } catch (err) {
    return err as AppError
  }
  throw new Error('claim was accepted')
}

describe('claiming uploads for a ticket', () => {
  it('returns the uploads in the order given', async () => {
    const ids = [mine[2]!.id, mine[0]!.id]
    expect((await claimUploads(t.ds.manager, mine[0]!.userId, ids, 'ticket')).map((u) => u.id)).toEqual(ids)
    expect(await claimUploads(t.ds.manager, mine[0]!.userId, [], 'ticket')).toEqual([])
  })

  it("refuses someone else's upload and unknown ids alike", async () => {
    for (const ids of [
      [mine[0]!.id, theirs],
      [mine[0]!.id, 999_999],
    ]) {
      const err = await refusal(ids)
      expect(err).toMatchObject({ status: 400, code: 'bad_request', message: '照片不存在或已失效，请重新上传' })
    }
  })

  it('refuses an upload made for something else, and the same photo twice', async () => {
    const { ownerUserId } = await t.ds.getRepository(Upload).findOneByOrFail({ id: officerPhoto })
    expect(await refusal([officerPhoto], 'ticket', ownerUserId)).toMatchObject({ status: 400, message: '照片用途不符，请重新上传' })
    expect(await refusal([mine[0]!.id, mine[0]!.id])).toMatchObject({ status: 400 })
  })

  it('refuses a photo already attached to a ticket', async () => {
    await report(t, myToken, await categoryId(t, myToken, 'hazard', '消防安全'), { photoIds: [mine[1]!.id] })
    expect(await refusal([mine[1]!.id])).toMatchObject({ status: 400, message: '照片已用在其他记录中，请重新上传' })
  })
})
