/**
 * Putting a backup in place of the station's database file, with nothing open on it. The backup is checked
 * before anything is touched; the file in use (and its -wal/-shm, which belong to it) is MOVED to
 * <mode>/replaced/ — never deleted, it may hold redemptions the backup lacks; the backup is copied in under
 * a temporary name and renamed, so a crash midway leaves either the old file or the whole backup.
 */
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import { basename, join } from 'node:path'
import type { StationMode } from '../../shared/ipc/types'
import type { BackupView } from '../../shared/reports'
import { AppFailure } from '../../shared/result'
import { databaseFile } from '../config/paths'
import { checkBackupFile } from './backup'
import { asideDir, backupsDir, listBackups, stamp } from './files'

export interface FileRestore {
  /** null when there was no file to move (a database that had vanished). */
  movedAsideTo: string | null
  backupFile: string
}

/** The backup named `name` (or the newest with 'latest'), checked again now. */
export function pickBackup(dataDir: string, mode: StationMode, name: string, zone: string): BackupView {
  const all = listBackups(backupsDir(dataDir, mode), zone)
  const chosen = name === 'latest' ? all[0] : all.find((b) => b.file === name)
  if (!chosen)
    throw new AppFailure(
      'BACKUP_NOT_FOUND',
      name === 'latest'
        ? `There is no backup in ${backupsDir(dataDir, mode)}.`
        : `There is no backup called ${name}.`
    )
  return chosen
}

/** Newest backup that still passes its integrity check (older ones are tried when a newer one is damaged). */
export function latestGoodBackup(dataDir: string, mode: StationMode, zone: string): BackupView | null {
  for (const backup of listBackups(backupsDir(dataDir, mode), zone)) {
    if (checkBackupFile(join(backupsDir(dataDir, mode), backup.file)) === null) return backup
  }
  return null
}

export function restoreDatabaseFile(
  dataDir: string,
  mode: StationMode,
  backupName: string,
  now: number
): FileRestore {
  const source = join(backupsDir(dataDir, mode), basename(backupName))
  const problem = existsSync(source) ? checkBackupFile(source) : 'the file does not exist'
  if (problem)
    throw new AppFailure('BACKUP_UNUSABLE', `The backup ${backupName} cannot be restored: ${problem}.`)
  const target = databaseFile(dataDir, mode)
  const incoming = `${target}.restoring`
  copyFileSync(source, incoming)
  const copyProblem = checkBackupFile(incoming)
  if (copyProblem)
    throw new AppFailure('BACKUP_UNUSABLE', `The copy of ${backupName} is not sound: ${copyProblem}.`)
  const aside = asideDir(dataDir, mode)
  mkdirSync(aside, { recursive: true })
  const asideFile = join(aside, `station-${stamp(now)}.db`)
  const moved = existsSync(target)
  if (moved) renameSync(target, asideFile)
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(target + suffix)) renameSync(target + suffix, asideFile + suffix)
  }
  renameSync(incoming, target)
  return { movedAsideTo: moved ? asideFile : null, backupFile: basename(backupName) }
}

/** Undoes restoreDatabaseFile's move when the restored file cannot be opened: the file in use before goes back. */
export function putBack(file: string, aside: string | null): void {
  if (aside === null) return
  rmSync(file, { force: true })
  for (const suffix of ['-wal', '-shm']) rmSync(file + suffix, { force: true })
  renameSync(aside, file)
  for (const suffix of ['-wal', '-shm'])
    if (existsSync(aside + suffix)) renameSync(aside + suffix, file + suffix)
}
