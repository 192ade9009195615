/**
 * A manager's restore while the station runs: close the station's database (its workers stop first), move
 * the file aside, copy the backup in, reopen — without restarting the app or the host.
 *
 * The transports (ipcMain, the host's WebSocket) hold the Station object, its handler map and its event
 * bus, so the reopened station is grafted onto that same object: its handlers are copied into the handler
 * map the dispatchers read per call, its events are forwarded to the bus the transports listen on, and the
 * Station's fields point at the new database and services. Signed-in sessions stay as they are.
 * If the restored file cannot be opened, the file that was in use is put back and reopened.
 */
import { existsSync, renameSync, rmSync } from 'node:fs'
import type { RestoreResult } from '../../shared/reports'
import { AppFailure } from '../../shared/result'
import { appendAudit } from '../staff/audit'
import { databaseFile } from '../station/paths'
import { openStation, type Station } from '../station/station'
import { readStoreProfile } from '../station/storeProfile'
import { checkBackupFile } from './backup'
import { backupsDir } from './files'
import { pickBackup, restoreDatabaseFile } from './restore'
import { join } from 'node:path'

/** The object the transports hold, for a station that was itself grafted onto it by an earlier restore. */
const rootOf = new WeakMap<Station, Station>()

export async function restoreInPlace(
  current: Station,
  backupName: string,
  confirmDate: string,
  by: { id: string; name: string },
  now: number
): Promise<RestoreResult> {
  const root = rootOf.get(current) ?? current
  const zone = readStoreProfile(root.db).timeZone
  const backup = pickBackup(root.dataDir, root.mode, backupName, zone)
  if (confirmDate.trim() !== backup.confirmDate)
    throw new AppFailure(
      'CONFIRMATION_MISMATCH',
      `Type the backup's date (${backup.confirmDate}) to confirm the restore; nothing was changed.`
    )
  const problem = checkBackupFile(join(backupsDir(root.dataDir, root.mode), backup.file))
  if (problem)
    throw new AppFailure('BACKUP_UNUSABLE', `The backup ${backup.file} cannot be restored: ${problem}.`)

  await root.close()
  const file = databaseFile(root.dataDir, root.mode)
  const swapped = restoreDatabaseFile(root.dataDir, root.mode, backup.file, now)
  let fresh: Station
  try {
    fresh = openStation({ ...root.options, mode: root.mode })
  } catch (err) {
    putBack(file, swapped.movedAsideTo)
    graft(root, openStation({ ...root.options, mode: root.mode }))
    throw new AppFailure(
      'RESTORE_FAILED',
      `The restored file could not be opened (${err instanceof Error ? err.message : String(err)}); the database in use before was put back.`
    )
  }
  appendAudit(fresh.db, {
    at: now,
    actorId: by.id,
    actorName: by.name,
    action: 'backup.restored',
    subject: backup.file,
    detail: { backup: backup.file, backupAt: backup.at, movedAsideTo: swapped.movedAsideTo }
  })
  graft(root, fresh)
  return { restored: backup, movedAsideTo: swapped.movedAsideTo }
}

function graft(root: Station, fresh: Station): void {
  const forward = fresh.events.onAny((event, payload) => root.events.emit(event, payload as never))
  const closeFresh = fresh.close
  root.db = fresh.db
  root.schemaVersion = fresh.schemaVersion
  root.upstream = fresh.upstream
  root.sandbox = fresh.sandbox
  root.services = fresh.services
  root.close = async () => {
    forward()
    await closeFresh()
  }
  Object.assign(root.handlers, fresh.handlers)
  rootOf.set(fresh, root)
}

function putBack(file: string, aside: string | null): void {
  if (aside === null) return
  rmSync(file, { force: true })
  for (const suffix of ['-wal', '-shm']) rmSync(file + suffix, { force: true })
  renameSync(aside, file)
  for (const suffix of ['-wal', '-shm'])
    if (existsSync(aside + suffix)) renameSync(aside + suffix, file + suffix)
}
