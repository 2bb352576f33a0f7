import { QueryFailedError } from 'typeorm'
import { isDatabaseUnavailable } from './unavailable'

/**
 * Which failures mean "the database cannot be reached" (503, try again) rather than a bug (500).
 * The shapes are the ones mysql2, better-sqlite3 and TypeORM throw; app.health.test.ts shows the
 * real thing end to end on both databases.
 */
const coded = (code: string, message = code) => Object.assign(new Error(message), { code })
const wrapped = (driverError: Error) => new QueryFailedError('SELECT 1', [], driverError)
const named = (name: string) => Object.assign(new Error('x'), { name })

describe('isDatabaseUnavailable', () => {
  it.each([
    ['mysql2: connection refused', coded('ECONNREFUSED')],
    ['mysql2: refused on every address (AggregateError)', Object.assign(new AggregateError([coded('ECONNREFUSED')], 'connect'), {})],
    ['mysql2: connection lost mid-query', coded('PROTOCOL_CONNECTION_LOST', 'Connection lost: The server closed the connection.')],
    ['mysql2: connect timeout', coded('ETIMEDOUT')],
    ['MariaDB: too many connections', coded('ER_CON_COUNT_ERROR')],
    ['mysql2: pool closed', new Error('Pool is closed.')],
    ['mysql2: closed connection reused', new Error("Can't add new command when connection is in closed state")],
    ['TypeORM: driver error wrapped in QueryFailedError', wrapped(coded('ECONNRESET'))],
    ['TypeORM: not connected', named('CannotExecuteNotConnectedError')],
    ['SQLite: locked past the busy timeout', coded('SQLITE_BUSY')],
    ['SQLite: I/O error', coded('SQLITE_IOERR_SHORT_READ')],
    ['SQLite: file cannot be opened', coded('SQLITE_CANTOPEN')],
    ['better-sqlite3: handle closed', new TypeError('The database connection is not open')],
  ])('%s: unavailable', (_name, err) => {
    expect(isDatabaseUnavailable(err)).toBe(true)
  })

  it.each([
    ['a duplicate key', wrapped(coded('ER_DUP_ENTRY'))],
    ['an SQL syntax error', wrapped(coded('ER_PARSE_ERROR'))],
    ['a SQLite constraint', coded('SQLITE_CONSTRAINT_UNIQUE')],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['not an error at all', 'ECONNREFUSED'],
    ['null', null],
  ])('%s: not unavailable (a bug is a 500)', (_name, err) => {
    expect(isDatabaseUnavailable(err)).toBe(false)
  })

  it('does not loop on an error that wraps itself', () => {
    const err = Object.assign(new Error('x'), {}) as Error & { cause?: unknown }
    err.cause = err
    expect(isDatabaseUnavailable(err)).toBe(false)
  })
})
