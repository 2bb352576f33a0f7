import { createLogger } from './logger'

describe('logs carry no personal data', () => {
  it('masks phone and ID numbers and drops secrets', () => {
    const lines: string[] = []
    const log = createLogger('info', (l) => lines.push(l))
    log.info('bound', {
      note: '居民 13847211234 身份证 15020319800101123X',
      phone: '13800000000',
      refreshToken: 'abc',
      nested: { sessionKey: 'k' },
    })
    const out = lines.join('\n')
    expect(out).not.toMatch(/13847211234|15020319800101123X|13800000000|"abc"|"k"/)
    expect(JSON.parse(lines[0]!)).toMatchObject({ note: '居民 [phone] 身份证 [id]', phone: '[redacted]', refreshToken: '[redacted]' })
  })
})

describe('errors logged whole', () => {
  it('masks a phone number a driver repeats in the error and in its stack', () => {
    const lines: string[] = []
    const log = createLogger('info', (l) => lines.push(l))
    log.error('unhandled error', { err: new Error("Duplicate entry '13847211234' for key 'ix_user_phone'") })
    expect(lines.join('\n')).not.toContain('13847211234')
    expect(JSON.parse(lines[0]!).err.stack).toMatch(/^Error: Duplicate entry '\[phone\]'/)
  })
})
