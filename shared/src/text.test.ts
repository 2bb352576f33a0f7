import { messageTextSchema } from './messages/schemas'
import { redeemInviteSchema } from './invites'
import { updateMeSchemaFor } from './me'
import { createTicketSchema } from './tickets/schemas'
import { personNameSchema, reservedNameWord, residentNameSchema, userText } from './text'

const firstMessage = (r: { success: boolean; error?: { issues: Array<{ message: string }> } }) => r.error?.issues[0]?.message

describe('user text: what is stored is what everyone sees', () => {
  const single = userText({ label: '名称', max: 20 })
  const multi = userText({ label: '描述', max: 200, multiline: true })

  it.each([
    ['plain words kept', single, '3号楼', '3号楼'],
    ['spaces and the ideographic space trimmed', single, '\u3000 3号楼 \u3000', '3号楼'],
    ['zero-width marks at the ends trimmed', single, '\u200B\uFEFF3号楼\u200D\u2060', '3号楼'],
    ['decomposed letters composed (NFC)', single, 'Jose\u0301', 'José'],
    ['inner spaces kept', single, '阳光 小区', '阳光 小区'],
    ['multi-line keeps line breaks and tabs', multi, '第一行\n\t第二行', '第一行\n\t第二行'],
    ['Windows line ends become \\n', multi, '第一行\r\n第二行\r第三行', '第一行\n第二行\n第三行'],
    ['an emoji family (joiners between pictographs) is kept', multi, '谢谢👨‍👩‍👧', '谢谢👨‍👩‍👧'],
    ['a flag with tag letters is kept', multi, '加油🏴󠁧󠁢󠁳󠁣󠁴󠁿', '加油🏴󠁧󠁢󠁳󠁣󠁴󠁿'],
    ['emoji with a skin tone and a joiner', single, '👍🏻‍🔥', '👍🏻‍🔥'],
  ])('accepts: %s', (_, schema, input, stored) => {
    expect(schema.parse(input)).toBe(stored)
  })

  it.each([
    ['only zero-width spaces', single, '\u200B\u200B\u200B', '请填写名称'],
    ['only ideographic spaces', single, '\u3000\u3000', '请填写名称'],
    ['only a BOM and joiners', multi, '\uFEFF\u200C\u200D', '请填写描述'],
    ['a right-to-left override', single, '\u202E民警张伟', '名称包含看不见的特殊字符（如零宽字符、文字方向控制符），请删除后重试'],
    ['a left-to-right embedding inside', single, '张\u202A伟', '名称包含看不见的特殊字符（如零宽字符、文字方向控制符），请删除后重试'],
    ['a bidi isolate', multi, '内容\u2066abc\u2069', '描述包含看不见的特殊字符（如零宽字符、文字方向控制符），请删除后重试'],
    ['a zero-width space inside a word', multi, '诈\u200B骗', '描述包含看不见的特殊字符（如零宽字符、文字方向控制符），请删除后重试'],
    ['a zero-width joiner between letters', single, '张\u200D伟', '名称包含看不见的特殊字符（如零宽字符、文字方向控制符），请删除后重试'],
    ['a soft hyphen', single, 'ab\u00ADc', '名称包含看不见的特殊字符（如零宽字符、文字方向控制符），请删除后重试'],
    ['a BOM inside', single, '张\uFEFF伟', '名称包含看不见的特殊字符（如零宽字符、文字方向控制符），请删除后重试'],
    ['a NUL', multi, '内容\u0000内容', '描述包含换行、制表符等控制字符，请删除后重试'],
    ['a bell', multi, '内容\u0007', '描述包含换行、制表符等控制字符，请删除后重试'],
    ['a C1 control', multi, '内容\u0085内容', '描述包含换行、制表符等控制字符，请删除后重试'],
    ['a line break in a single-line field', single, '3号\n楼', '名称包含换行、制表符等控制字符，请删除后重试'],
    ['a tab in a single-line field', single, '3号\t楼', '名称包含换行、制表符等控制字符，请删除后重试'],
    ['a line separator in a single-line field', single, '3号\u2028楼', '名称包含换行、制表符等控制字符，请删除后重试'],
    ['too long after trimming', single, `${'楼'.repeat(21)}`, '名称最多 20 字'],
  ])('refuses: %s', (_, schema, input, message) => {
    const result = schema.safeParse(input)
    expect(result.success).toBe(false)
    expect(firstMessage(result)).toBe(message)
  })
})

describe('resident names: no staff titles', () => {
  it.each([
    '值班民警',
    '民警张伟',
    '张警官',
    '王所长',
    '派出所小李',
    '公安局',
    '安居官方',
    '安居客服',
    '管理员',
    '楼长',
    '民 警 张伟',
    '民·警',
    '民_警',
    '民丶警',
    '值-班-员',
    '值　班',
    '樓長',
    '管理員',
    'ＰＯＬＩＣＥ',
    'Admin小王',
    '系统消息',
    '110',
    '辅警小刘',
    '交警队',
    '网格员老陈',
    '法律援助志愿者',
  ])('refuses %s', (name) => {
    const result = residentNameSchema.safeParse(name)
    expect(result.success).toBe(false)
    expect(firstMessage(result)).toBe('称呼不能使用“民警”“值班”“客服”等工作人员或官方称谓')
  })

  it.each(['张伟', '王警', '李明（3号楼）', '1102室老王', '小警花', '居民张大妈', 'Anna', '安安'])('accepts %s', (name) => {
    expect(residentNameSchema.parse(name)).toBe(name)
  })

  it('names the word it found', () => {
    expect(reservedNameWord('民 · 警')).toBe('民警')
    expect(reservedNameWord('张三')).toBeNull()
  })

  it('staff give real names with titles when they join, but no invisible characters', () => {
    expect(personNameSchema.parse('值班民警张伟')).toBe('值班民警张伟')
    expect(redeemInviteSchema.safeParse({ code: 'ABCDEFGH', name: '\u202E张伟' }).success).toBe(false)
    expect(redeemInviteSchema.safeParse({ code: 'ABCDEFGH', name: '\u200B\u200B' }).success).toBe(false)
  })
})

describe('the shared schemas use the rules', () => {
  it('PATCH /api/me refuses a resident a title, and anyone an override or an empty-looking name', () => {
    const resident = updateMeSchemaFor('resident')
    for (const name of ['值班民警', '\u202E民警张伟', '\u200B\u200B']) expect(resident.safeParse({ name }).success).toBe(false)
    expect(resident.parse({ name: ' 张大妈\u3000' })).toEqual({ name: '张大妈' })
    const officer = updateMeSchemaFor('officer')
    for (const name of ['\u202E民警张伟', '\u200B\u200B']) expect(officer.safeParse({ name }).success).toBe(false)
    expect(officer.parse({ name: '值班民警王强' })).toEqual({ name: '值班民警王强' })
  })

  it('a message of zero-width spaces is empty', () => {
    expect(firstMessage(messageTextSchema.safeParse('\u200B\u200C'))).toBe('请输入消息内容')
  })

  it('a ticket description with a bidi override is refused', () => {
    const base = {
      clientKey: '0b5b8b8e-1f1e-4c55-9a43-6f2b8f7a1c11',
      kind: 'hazard',
      categoryId: 1,
      location: { type: 'building', buildingId: 1 },
    }
    expect(createTicketSchema.safeParse({ ...base, description: '楼道\u202E堆物' }).success).toBe(false)
    expect(createTicketSchema.safeParse({ ...base, description: '\u3000\u200B' }).success).toBe(false)
  })
})
