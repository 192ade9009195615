/**
 * `npm run restore -- --data-dir <dir> [--mode training|live] [--backup latest|<file>] [--list]`
 * Restores a backup while the station is stopped (for example after it refused to start on a damaged
 * database). The file in use is moved to <mode>/replaced/, never deleted; the restored file is opened once
 * (migrations run) to prove it works. Exit codes: 0 restored or listed, 1 refused or failed, 2 bad usage.
 */
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { DEFAULT_TIME_ZONE, formatLocal } from '../../shared/time'
import { openDatabase } from '../db/open'
import { readMode } from '../config/mode'
import { databaseFile } from '../config/paths'
import { checkBackupFile } from './backup'
import { backupsDir, listBackups } from './files'
import { pickBackup, restoreDatabaseFile } from './restore'

export interface CliIo {
  out: (line: string) => void
  err: (line: string) => void
  now: () => number
}

export function runRestoreCli(argv: string[], io: CliIo): number {
  let values: { 'data-dir'?: string; mode?: string; backup?: string; list?: boolean }
  try {
    values = parseArgs({
      args: argv,
      options: {
        'data-dir': { type: 'string' },
        mode: { type: 'string' },
        backup: { type: 'string' },
        list: { type: 'boolean', default: false }
      }
    }).values
  } catch (err) {
    io.err(err instanceof Error ? err.message : String(err))
    return 2
  }
  if (!values['data-dir']) {
    io.err(
      'usage: npm run restore -- --data-dir <dir> [--mode training|live] [--backup latest|<file>] [--list]'
    )
    return 2
  }
  const dataDir = resolve(values['data-dir'])
  const mode = values.mode ?? readMode(dataDir)
  if (mode !== 'training' && mode !== 'live') {
    io.err(`--mode must be training or live, got ${mode}`)
    return 2
  }
  const dir = backupsDir(dataDir, mode)
  const when = (at: number) => formatLocal(at, DEFAULT_TIME_ZONE, 'yyyy-LL-dd HH:mm:ss')
  if (values.list || !values.backup) {
    const all = listBackups(dir, DEFAULT_TIME_ZONE)
    if (all.length === 0) io.out(`No backups in ${dir}.`)
    for (const b of all) {
      const problem = checkBackupFile(join(dir, b.file))
      io.out(
        `${b.file}  ${when(b.at)}  ${b.reason}  ${b.bytes} bytes  ${problem ? `DAMAGED: ${problem}` : 'ok'}`
      )
    }
    if (!values.backup) io.out('Choose one with --backup <file> (or --backup latest).')
    return 0
  }
  try {
    const chosen = pickBackup(dataDir, mode, values.backup, DEFAULT_TIME_ZONE)
    const done = restoreDatabaseFile(dataDir, mode, chosen.file, io.now())
    const opened = openDatabase(databaseFile(dataDir, mode))
    opened.db.close()
    io.out(`Restored ${chosen.file} (${when(chosen.at)}) into ${databaseFile(dataDir, mode)}.`)
    if (done.movedAsideTo) io.out(`The file that was in use was moved to ${done.movedAsideTo} (not deleted).`)
    return 0
  } catch (err) {
    io.err(`Restore failed: ${err instanceof Error ? err.message : String(err)}`)
    return 1
  }
}
