/**
 * What happens when the station's database fails its integrity check on start (openDatabase throws
 * DB_CORRUPT and leaves the file untouched). The station does not half-start on a damaged ledger: the host
 * prints this advice and exits non-zero; Electron asks the manager (src/main/app/recovery.ts). Both restore
 * through restoreDatabaseFile, which moves the damaged file aside and never deletes it.
 */
import { dirname } from 'node:path'
import type { StationMode } from '../../shared/ipc/types'
import { DEFAULT_TIME_ZONE, formatLocal } from '../../shared/time'
import { DatabaseError } from '../db/errors'
import type { Db } from '../db/open'
import { readStoreProfile } from '../config/storeProfile'
import { backupsDir, listBackups } from './files'
import { latestGoodBackup } from './restore'
import type { BackupView } from '../../shared/reports'

export interface CorruptStart {
  dataDir: string
  mode: StationMode
  message: string
  latest: BackupView | null
}

/** For a DB_CORRUPT error from openStation: where it is and the newest backup that passes its check. */
export function corruptStart(err: unknown): CorruptStart | null {
  if (!(err instanceof DatabaseError) || err.code !== 'DB_CORRUPT') return null
  // <dataDir>/<mode>/station.db (src/main/config/paths.ts)
  const modeFolder = dirname(err.file)
  const mode = modeFolder.endsWith('live') ? 'live' : 'training'
  const dataDir = dirname(modeFolder)
  return { dataDir, mode, message: err.message, latest: latestGoodBackup(dataDir, mode, DEFAULT_TIME_ZONE) }
}

/** The text the host prints when it cannot start on a damaged database. */
export function describeStartFailure(err: unknown): string {
  const corrupt = corruptStart(err)
  if (!corrupt) return err instanceof Error ? err.message : String(err)
  const lines = [corrupt.message, '']
  if (corrupt.latest) {
    lines.push(
      `The latest good backup is ${corrupt.latest.file} (${formatLocal(corrupt.latest.at, DEFAULT_TIME_ZONE, 'yyyy-LL-dd HH:mm')} China time).`,
      'To restore it (the damaged file is moved aside, not deleted):',
      `  npm run restore -- --data-dir "${corrupt.dataDir}" --mode ${corrupt.mode} --backup latest`
    )
  } else {
    lines.push(
      `No usable backup was found in ${corrupt.dataDir}/${corrupt.mode}/backups. Keep the damaged file and call support.`
    )
  }
  return lines.join('\n')
}

/** What a manager should do once writes are stopped: the latest backup (each was verified when taken). */
export function damageAdvice(station: { dataDir: string; mode: StationMode; db: Db }): string {
  let zone = 'Asia/Shanghai'
  try {
    zone = readStoreProfile(station.db).timeZone
  } catch {
    // the profile lives in the damaged file; the default zone only affects how the date is shown
  }
  const latest = listBackups(backupsDir(station.dataDir, station.mode), zone)[0]
  return latest
    ? `A manager should restore the latest good backup, ${latest.file} (Backups → Restore); the damaged file is kept aside.`
    : 'No backup was found: keep the station as it is and call support.'
}
