/**
 * One online backup: SQLite's backup API (better-sqlite3 db.backup) copies a consistent snapshot while the
 * till keeps working. The copy is switched to a single-file journal (no -wal beside it, so it can be copied
 * or opened read-only anywhere), checked with PRAGMA integrity_check on a worker thread (a big ledger's check
 * takes seconds; the till keeps serving meanwhile), and only then given its final name.
 */
import Database from 'better-sqlite3'
import { mkdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { BackupReason } from '../../shared/reports'
import { fullCheck } from '../db/integrity'
import type { Db } from '../db/open'
import { backupFileName } from './files'

export interface TakenBackup {
  file: string
  at: number
  bytes: number
}

export async function takeBackup(
  db: Db,
  dir: string,
  reason: BackupReason,
  now: number
): Promise<TakenBackup> {
  mkdirSync(dir, { recursive: true })
  const name = backupFileName(now, reason)
  const partial = join(dir, `${name}.partial`)
  const logId = logStart(db, name, reason, now)
  try {
    await db.backup(partial)
    await checkCopy(partial)
    renameSync(partial, join(dir, name))
    const bytes = statSync(join(dir, name)).size
    logEnd(db, logId, { bytes, verified: 1, error: null })
    return { file: name, at: now, bytes }
  } catch (err) {
    rmSync(partial, { force: true })
    const message = err instanceof Error ? err.message : String(err)
    logEnd(db, logId, { bytes: null, verified: 0, error: message })
    throw new Error(`The backup ${name} failed: ${message}`, { cause: err })
  }
}

/** A backup copy that failed its integrity check: its pages came from the live file, which may be damaged too. */
export class BackupCopyDamaged extends Error {}

/** The fresh copy: single-file journal, then the full check off the main thread, then the station's shape. */
async function checkCopy(partial: string): Promise<void> {
  const copy = new Database(partial, { fileMustExist: true })
  try {
    copy.pragma('journal_mode = DELETE')
  } finally {
    copy.close()
  }
  const result = await fullCheck(partial)
  if (result.kind === 'damaged')
    throw new BackupCopyDamaged(`integrity check failed: ${result.problems.slice(0, 3).join('; ')}`)
  // No worker (it could not start or load the driver): the check on this thread, as before, rather than no backup.
  const problem = checkBackupFile(partial, { skipIntegrity: result.kind === 'ok' })
  if (problem?.startsWith('integrity check failed')) throw new BackupCopyDamaged(problem)
  if (problem) throw new Error(problem)
}

/**
 * Opens a backup file and runs PRAGMA integrity_check; null when it is sound, else what is wrong.
 * `standalone` first turns a fresh copy's WAL journal off (only for files this station just wrote).
 */
export function checkBackupFile(
  file: string,
  options: { standalone?: boolean; skipIntegrity?: boolean } = {}
): string | null {
  let db: Database.Database | null = null
  try {
    db = new Database(file, { fileMustExist: true, readonly: !options.standalone })
    if (options.standalone) db.pragma('journal_mode = DELETE')
    if (!options.skipIntegrity) {
      const rows = db.pragma('integrity_check') as { integrity_check: string }[]
      const problems = rows.map((r) => r.integrity_check).filter((r) => r !== 'ok')
      if (problems.length > 0) return `integrity check failed: ${problems.slice(0, 3).join('; ')}`
    }
    const version = db.pragma('user_version', { simple: true }) as number
    if (version < 1) return 'not a station database (schema version 0)'
    const tables = db
      .prepare(
        `SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name IN ('redemptions', 'audit_log')`
      )
      .get() as { n: number }
    if (tables.n !== 2) return 'not a station database (no ledger tables)'
    return null
  } catch (err) {
    return `cannot be opened: ${err instanceof Error ? err.message : String(err)}`
  } finally {
    db?.close()
  }
}

function logStart(db: Db, file: string, reason: BackupReason, at: number): number | null {
  try {
    return Number(
      db.prepare('INSERT INTO backups (file, reason, started_at) VALUES (?, ?, ?)').run(file, reason, at)
        .lastInsertRowid
    )
  } catch {
    return null // the log is a convenience; a backup must not fail because of it
  }
}

function logEnd(
  db: Db,
  id: number | null,
  end: { bytes: number | null; verified: number; error: string | null }
): void {
  if (id === null) return
  try {
    db.prepare('UPDATE backups SET finished_at = ?, bytes = ?, verified = ?, error = ? WHERE id = ?').run(
      Date.now(),
      end.bytes,
      end.verified,
      end.error,
      id
    )
  } catch {
    // see logStart
  }
}
