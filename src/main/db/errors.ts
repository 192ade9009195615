import { AppFailure } from '../../shared/result'

/** Codes a database can fail to open with; each has a message a manager can act on. */
export type DatabaseErrorCode =
  | 'DB_CORRUPT'
  | 'DB_UNREADABLE'
  | 'DB_TOO_NEW'
  | 'DB_MIGRATION_FAILED'
  /** The background full check found damage while the station was running: writes are stopped. */
  | 'DB_DAMAGED'

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
