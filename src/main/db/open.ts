/**
 * Opens the station's SQLite file the way a ledger must be opened:
 * WAL (readers never block the writer), synchronous=FULL (a redemption the cashier saw as
 * done survives a power cut), foreign keys on, a busy timeout, checkpoints every 4,000 WAL
 * pages. Before anything is written the file is checked (integrity.ts: header, schema, the last
 * full check's verdict, and a check sized to stay off the start-up path): a corrupt or foreign
 * file is reported and left exactly as it was. The full integrity_check of a big ledger runs in
 * the background once the station is open (src/main/station, docs/reliability.md).
 */
import Database from 'better-sqlite3'
import { existsSync, mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { DatabaseError } from './errors'
import { checkAtOpen, checkHeader } from './integrity'
import { migrate, type Migration } from './migrate'
import { migrations as appMigrations } from './migrations'

export type Db = Database.Database

export interface OpenOptions {
  /** Override the migration list (tests). */
  migrations?: readonly Migration[]
  busyTimeoutMs?: number
  /** Files up to this size get the full integrity_check at open (default FULL_CHECK_AT_OPEN_BYTES; tests lower it
   * to take a big ledger's path on a small file). */
  fullCheckAtOpenBytes?: number
}

/**
 * The pragmas of every station connection (bench/redeem gives its bare SQLite figures the same ones).
 * wal_autocheckpoint: a redemption commit writes ~18.5 pages (the row and the 7 indexes a pending row enters,
 * the outbox item with its 3 indexes and AUTOINCREMENT counter, the audit entry and its head), so SQLite's
 * default of 1,000 pages made every ~55th commit also copy the WAL into the database and fsync it (1–6 ms
 * in front of the cashier, and 1.8 % of commits: inside the p99). At 4,000 pages that happens every ~220
 * commits, and copies fewer pages per commit (the hot index pages repeat within a checkpoint). 4,000
 * frames still fit the WAL index's first hash table (4,062), so a read looks in one table; the WAL file
 * stays under 17 MB. Durability is unchanged: every commit fsyncs the WAL.
 */
export const connectionPragmas = (busyTimeoutMs = 5000): readonly string[] => [
  'journal_mode = WAL',
  'synchronous = FULL',
  'foreign_keys = ON',
  `busy_timeout = ${busyTimeoutMs}`,
  'wal_autocheckpoint = 4000'
]

export interface OpenedDatabase {
  db: Db
  file: string
  schemaVersion: number
}

export function openDatabase(file: string, options: OpenOptions = {}): OpenedDatabase {
  const isNew = !existsSync(file)
  if (isNew) mkdirSync(dirname(file), { recursive: true })
  else {
    try {
      checkHeader(file)
    } catch (err) {
      if (err instanceof DatabaseError) throw err
      throw new DatabaseError('DB_UNREADABLE', `Cannot read the database file ${file}: ${message(err)}`, file)
    }
  }
  let db: Db
  try {
    db = new Database(file, { fileMustExist: !isNew })
  } catch (err) {
    throw new DatabaseError('DB_UNREADABLE', `Cannot open the database file ${file}: ${message(err)}`, file)
  }
  try {
    if (!isNew) checkAtOpen(db, file, options.fullCheckAtOpenBytes)
    for (const pragma of connectionPragmas(options.busyTimeoutMs)) db.pragma(pragma)
    const schemaVersion = migrate(db, options.migrations ?? appMigrations, file)
    return { db, file, schemaVersion }
  } catch (err) {
    db.close()
    if (err instanceof DatabaseError) throw err
    throw new DatabaseError('DB_UNREADABLE', `Cannot use the database file ${file}: ${message(err)}`, file)
  }
}

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err))
