import { AppFailure } from '../../shared/result'

import type { ErrorCode } from '../../shared/errors'

/** Codes a database can fail to open with; each has a message a manager can act on. */
export type DatabaseErrorCode = Extract<ErrorCode, `DB_${string}`>

export class DatabaseError extends AppFailure {
  constructor(
    override readonly code: DatabaseErrorCode,
    message: string,
    readonly file: string
  ) {
    super(code, message, { file })
    this.name = 'DatabaseError'
  }
}
