/**
 * Backup files: <dataDir>/<mode>/backups/station-<UTC stamp>-<reason>.db. The stamp sorts by time and the
 * reason says why it was taken. A file only gets its final .db name after it reopened and passed
 * PRAGMA integrity_check (until then it is .partial), so every listed backup was verified when taken.
 */
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { StationMode } from '../../shared/ipc/types'
import type { BackupReason, BackupView } from '../../shared/reports'
import { formatLocal } from '../../shared/time'
import { modeDir } from '../config/paths'

export const backupsDir = (dataDir: string, mode: StationMode): string =>
  join(modeDir(dataDir, mode), 'backups')
/** Where a replaced database goes: moved, never deleted. */
export const asideDir = (dataDir: string, mode: StationMode): string =>
  join(modeDir(dataDir, mode), 'replaced')

const NAME = /^station-(\d{8})T(\d{6})(\d{3})Z-(day_close|schedule|manual)\.db$/

export function stamp(at: number): string {
  return new Date(at).toISOString().replace(/[-:]/g, '').replace('.', '')
}

export const backupFileName = (at: number, reason: BackupReason): string =>
  `station-${stamp(at)}-${reason}.db`

export function parseBackupName(name: string): { at: number; reason: BackupReason } | null {
  const m = NAME.exec(name)
  if (!m) return null
  const [, d = '', t = '', ms = ''] = m
  const at = Date.UTC(
    +d.slice(0, 4),
    +d.slice(4, 6) - 1,
    +d.slice(6, 8),
    +t.slice(0, 2),
    +t.slice(2, 4),
    +t.slice(4, 6),
    +ms
  )
  return { at, reason: m[4] as BackupReason }
}

/** Verified backups in a folder, newest first. */
export function listBackups(dir: string, zone: string): BackupView[] {
  if (!existsSync(dir)) return []
  const out: BackupView[] = []
  for (const name of readdirSync(dir)) {
    const parsed = parseBackupName(name)
    if (!parsed) continue
    out.push({
      file: name,
      at: parsed.at,
      reason: parsed.reason,
      bytes: statSync(join(dir, name)).size,
      verified: true,
      confirmDate: formatLocal(parsed.at, zone, 'yyyy-LL-dd')
    })
  }
  return out.sort((a, b) => b.at - a.at || b.file.localeCompare(a.file))
}
