/** The driver's code and errno, whether TypeORM wrapped the error (QueryFailedError.driverError) or not. */
function driverCode(err: unknown): { code?: string; errno?: number } {
  const e = err as { code?: string; errno?: number; driverError?: { code?: string; errno?: number } }
  return { code: e.driverError?.code ?? e.code, errno: e.driverError?.errno ?? e.errno }
}

/** A unique index refused the row: MySQL/MariaDB ER_DUP_ENTRY, or SQLite's UNIQUE constraint. */
export function isUniqueViolation(err: unknown): boolean {
  const { code, errno } = driverCode(err)
  return code === 'ER_DUP_ENTRY' || errno === 1062 || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
}

/** A foreign key refused the row: it names a parent that is not there (MySQL/MariaDB 1452/1216, SQLite). */
export function isForeignKeyViolation(err: unknown): boolean {
  const { code, errno } = driverCode(err)
  return (
    code === 'ER_NO_REFERENCED_ROW_2' ||
    code === 'ER_NO_REFERENCED_ROW' ||
    errno === 1452 ||
    errno === 1216 ||
    code === 'SQLITE_CONSTRAINT_FOREIGNKEY'
  )
}

/** MySQL/MariaDB chose this transaction as a deadlock's victim and rolled it back: it may simply run again. */
export function isDeadlock(err: unknown): boolean {
  const { code, errno } = driverCode(err)
  return code === 'ER_LOCK_DEADLOCK' || errno === 1213
}
