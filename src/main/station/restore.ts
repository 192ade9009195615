/**
 * A manager's restore while the station runs: close the current composition (its workers stop first), move the
 * database file aside, copy the backup in, compose again over it and swap the holder (./station.ts) to the new
 * composition — without restarting the app or the host. Signed-in sessions stay as they are (they live in the
 * transports). If the restored file cannot be opened, the file that was in use is put back and reopened.
 * The file work itself (checks, move aside, copy) is the backup room's (src/main/backup/restore.ts).
 */
import { join } from 'node:path'
import type { StationMode } from '../../shared/ipc/types'
import type { RestoreResult } from '../../shared/reports'
import { AppFailure } from '../../shared/result'
import type { Actor } from '../audit/actor'
import { appendAudit } from '../audit/audit'
import { checkBackupFile } from '../backup/backup'
import { backupsDir } from '../backup/files'
import { pickBackup, putBack, restoreDatabaseFile } from '../backup/restore'
import { databaseFile } from '../config/paths'
import { readStoreProfile } from '../config/storeProfile'
import type { Composition } from './compose'

export interface RestoreRequest {
  dataDir: string
  mode: StationMode
  current: () => Composition
  /** Composes (and starts) a station over the database file as it now is. */
  reopen: () => Composition
  swap: (next: Composition) => void
  file: string
  confirmDate: string
  by: Actor
  now: number
}

export async function restoreFromBackup(req: RestoreRequest): Promise<RestoreResult> {
  const { dataDir, mode } = req
  const zone = readStoreProfile(req.current().db).timeZone
  const backup = pickBackup(dataDir, mode, req.file, zone)
  if (req.confirmDate.trim() !== backup.confirmDate)
    throw new AppFailure(
      'CONFIRMATION_MISMATCH',
      `Type the backup's date (${backup.confirmDate}) to confirm the restore; nothing was changed.`
    )
  const problem = checkBackupFile(join(backupsDir(dataDir, mode), backup.file))
  if (problem)
    throw new AppFailure('BACKUP_UNUSABLE', `The backup ${backup.file} cannot be restored: ${problem}.`)

  await req.current().close()
  const file = databaseFile(dataDir, mode)
  const swapped = restoreDatabaseFile(dataDir, mode, backup.file, req.now)
  let fresh: Composition
  try {
    fresh = req.reopen()
  } catch (err) {
    putBack(file, swapped.movedAsideTo)
    req.swap(req.reopen())
    throw new AppFailure(
      'RESTORE_FAILED',
      `The restored file could not be opened (${err instanceof Error ? err.message : String(err)}); the database in use before was put back.`
    )
  }
  appendAudit(fresh.db, {
    at: req.now,
    actorId: req.by.staffId,
    actorName: req.by.name,
    action: 'backup.restored',
    subject: backup.file,
    detail: { backup: backup.file, backupAt: backup.at, movedAsideTo: swapped.movedAsideTo }
  })
  req.swap(fresh)
  return { restored: backup, movedAsideTo: swapped.movedAsideTo }
}
