/**
 * `npm run audit:verify -- --data-dir <dir> [--mode training|live]` (mode defaults to what mode.json says).
 * Opens the station's database READ-ONLY — the running till may keep it open, nothing is written, no
 * migration runs — walks the whole audit chain and prints either `chain intact (N entries)` or the first
 * broken link. Exit codes: 0 intact, 1 broken, 2 cannot check (usage, missing or unreadable file).
 */
import Database from 'better-sqlite3'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { verifyAuditChain } from '../audit/audit'
import { readMode } from '../config/mode'
import { databaseFile } from '../config/paths'

export interface Io {
  out: (line: string) => void
  err: (line: string) => void
}

export function runAuditVerify(argv: string[], io: Io): number {
  let values: { 'data-dir'?: string; mode?: string }
  try {
    values = parseArgs({
      args: argv,
      options: { 'data-dir': { type: 'string' }, mode: { type: 'string' } }
    }).values
  } catch (err) {
    io.err(err instanceof Error ? err.message : String(err))
    return 2
  }
  if (!values['data-dir']) {
    io.err('usage: npm run audit:verify -- --data-dir <dir> [--mode training|live]')
    return 2
  }
  const dataDir = resolve(values['data-dir'])
  const mode = values.mode ?? readMode(dataDir)
  if (mode !== 'training' && mode !== 'live') {
    io.err(`--mode must be training or live, got ${mode}`)
    return 2
  }
  const file = databaseFile(dataDir, mode)
  if (!existsSync(file)) {
    io.err(`No ${mode} database at ${file}.`)
    return 2
  }
  let db: Database.Database | null = null
  try {
    db = new Database(file, { readonly: true, fileMustExist: true })
    const report = verifyAuditChain(db)
    if (report.ok) {
      io.out(`chain intact (${report.checked} entries) — ${mode} database ${file}`)
      return 0
    }
    const broken = report.firstBroken
    io.out(
      `chain BROKEN at entry ${broken?.id} (position ${broken?.position}): ${broken?.reason}; ${report.checked} entries before it verified — ${mode} database ${file}`
    )
    return 1
  } catch (err) {
    io.err(`Cannot check ${file}: ${err instanceof Error ? err.message : String(err)}`)
    return 2
  } finally {
    db?.close()
  }
}
