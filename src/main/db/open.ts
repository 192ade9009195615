/**
 * Opens the station's SQLite file the way a ledger must be opened:
 * WAL (readers never block the writer), synchronous=FULL (a redemption the cashier saw as
 * done survives a power cut), foreign keys on, a busy timeout. Before anything is written
 * the file is checked: a corrupt or foreign file is reported and left exactly as it was.
 */
import Database from 'better-sqlite3'
import { existsSync, mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { DatabaseError } from './errors'
import { migrate, type Migration } from './migrate'
import { migrations as appMigrations } from './migrations'

export type Db = Database.Database

export interface OpenOptions {
  /** Override the migration list (tests). */
  migrations?: readonly Migration[]
  busyTimeoutMs?: number
}

export interface OpenedDatabase {
  db: Db
  file: string
  schemaVersion: number
}

export function openDatabase(file: string, options: OpenOptions = {}): OpenedDatabase {
  const isNew = !existsSync(file)
  if (isNew) mkdirSync(dirname(file), { recursive: true })
  let db: Db
  try {
    db = new Database(file, { fileMustExist: !isNew })
  } catch (err) {
    throw new DatabaseError('DB_UNREADABLE', `Cannot open the database file ${file}: ${message(err)}`, file)
  }
  try {
    if (!isNew) checkIntegrity(db, file)
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = FULL')
    db.pragma('foreign_keys = ON')
    db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`)
    const schemaVersion = migrate(db, options.migrations ?? appMigrations, file)
    return { db, file, schemaVersion }
  } catch (err) {
    db.close()
    if (err instanceof DatabaseError) throw err
    throw new DatabaseError('DB_UNREADABLE', `Cannot use the database file ${file}: ${message(err)}`, file)
  }
}

/** Read-only checks, run before any pragma that could write to the file. */
function checkIntegrity(db: Db, file: string): void {
  let rows: { integrity_check: string }[]
  try {
    rows = db.pragma('integrity_check') as { integrity_check: string }[]
  } catch (err) {
    // SQLITE_NOTADB, SQLITE_CORRUPT: the header or pages cannot even be read.
    throw new DatabaseError(
      'DB_CORRUPT',
      `The database file ${file} is damaged or is not a station database (${message(err)}). It was left untouched; restore the latest backup.`,
      file
    )
  }
  const problems = rows.map((r) => r.integrity_check).filter((r) => r !== 'ok')
  if (problems.length > 0) {
    throw new DatabaseError(
      'DB_CORRUPT',
      `The database file ${file} failed its integrity check (${problems.slice(0, 3).join('; ')}). It was left untouched; restore the latest backup.`,
      file
    )
  }
}

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err))
