/**
 * How the station knows its database file is sound without making the counter wait for it
 * (docs/reliability.md § Database checks).
 *
 * - At open (`checkAtOpen`, before anything is written): the file header, the schema, the last full
 *   check's verdict for this very file, and then either the full `integrity_check` (a file up to
 *   FULL_CHECK_AT_OPEN_BYTES, where it costs well under the start-up budget) or, for a bigger file, a
 *   `quick_check` of every table except the ledger-scale ones plus a read down the right edge of those.
 *   What this catches is refused as DB_CORRUPT and the file is left byte for byte as it was.
 * - In the background (`fullCheck`, a worker thread with its own read-only connection, so the event loop
 *   never waits for it): the full `integrity_check`, which also compares every index with its table — the
 *   damage a quick check cannot see. Its verdict is stored beside the file (`<file>.check.json`, tied to the
 *   file's inode so a restored file never inherits it); a damaged verdict makes every later open refuse the
 *   file, so a restart cannot hide damage found earlier.
 */
import {
  closeSync,
  existsSync,
  fstatSync,
  openSync,
  readFileSync,
  readSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import { DatabaseError } from './errors'
import type { Db } from './open'

/** Up to this size the open runs the full integrity_check: ~80 ms at the 1M-row ledger's rate (834 MB in 8 s). */
export const FULL_CHECK_AT_OPEN_BYTES = 8 * 1024 * 1024

/**
 * Tables that grow with every scan or redemption; at open only their root-to-last-leaf path is read, their
 * full check runs in the background. Every other table (settings, staff, cards, backups log…) is small and
 * gets its quick_check at open.
 */
export const LEDGER_SCALE_TABLES = [
  'redemptions',
  'outbox',
  'audit_log',
  'scan_events',
  'sync_attempts',
  'code_statuses'
] as const

export interface CheckRecord {
  /** The inode and device of the file the check read: a restored or replaced file is another file. */
  ino: number
  dev: number
  checkedAt: number
  ok: boolean
  /** The first few problems integrity_check reported (empty when ok). */
  problems: string[]
}

export const checkRecordFile = (file: string): string => `${file}.check.json`

export function readCheckRecord(file: string): CheckRecord | null {
  try {
    const record = JSON.parse(readFileSync(checkRecordFile(file), 'utf8')) as Partial<CheckRecord>
    if (typeof record.ino !== 'number' || typeof record.ok !== 'boolean') return null
    const { ino, dev } = statSync(file)
    if (record.ino !== ino || record.dev !== dev) return null
    return {
      ino: record.ino,
      dev: record.dev,
      checkedAt: Number(record.checkedAt),
      ok: record.ok,
      problems: Array.isArray(record.problems) ? record.problems.map(String) : []
    }
  } catch {
    return null // no record (never checked, or unreadable): nothing is known about this file yet
  }
}

export function writeCheckRecord(
  file: string,
  verdict: { ok: boolean; problems: string[]; checkedAt: number }
) {
  const { ino, dev } = statSync(file)
  const record: CheckRecord = { ino, dev, ...verdict, problems: verdict.problems.slice(0, 5) }
  writeFileSync(checkRecordFile(file), `${JSON.stringify(record)}\n`)
}

const corrupt = (file: string, what: string): DatabaseError =>
  new DatabaseError(
    'DB_CORRUPT',
    `The database file ${file} ${what}. It was left untouched; restore the latest backup.`,
    file
  )

/**
 * The 100-byte SQLite header read with plain file I/O, before SQLite opens the file: the magic string, a
 * page size SQLite can have, the fixed payload fractions, and a file at least as long as the header says
 * (when that count is valid and no WAL file could still hold the newer pages).
 */
export function checkHeader(file: string): void {
  const fd = openSync(file, 'r')
  try {
    const size = fstatSync(fd).size
    if (size === 0) return // SQLite's empty database; the migrations will create the schema
    const header = Buffer.alloc(100)
    const read = readSync(fd, header, 0, 100, 0)
    if (read < 100 || header.toString('latin1', 0, 16) !== 'SQLite format 3\u0000')
      throw corrupt(file, 'is damaged or is not a station database (no SQLite header)')
    const rawPageSize = header.readUInt16BE(16)
    const pageSize = rawPageSize === 1 ? 65536 : rawPageSize
    const powerOfTwo = pageSize >= 512 && pageSize <= 65536 && (pageSize & (pageSize - 1)) === 0
    if (
      !powerOfTwo ||
      ![1, 2].includes(header[18] ?? 0) ||
      ![1, 2].includes(header[19] ?? 0) ||
      header[21] !== 64 ||
      header[22] !== 32 ||
      header[23] !== 32
    )
      throw corrupt(file, 'has a damaged header')
    const pages = header.readUInt32BE(28)
    const countValid = pages > 0 && header.readUInt32BE(24) === header.readUInt32BE(92)
    const wal = `${file}-wal`
    const walHoldsPages = existsSync(wal) && statSync(wal).size > 32
    if (countValid && !walHoldsPages && size < pages * pageSize)
      throw corrupt(file, `is shorter than its header says (${size} bytes, ${pages} pages of ${pageSize})`)
  } finally {
    closeSync(fd)
  }
}

/**
 * A bookkeeping write that must not stand in the way of signing in once writes are stopped: the manager has to
 * sign in to restore a backup. When the Station has made the connection query-only (damage found) the write is
 * skipped — nothing lands in the damaged file — and any other failure still throws.
 */
export function bookkeepingWrite(db: Db, write: () => void): void {
  try {
    write()
  } catch (err) {
    const code = (err as { code?: unknown } | null)?.code
    const readOnly = typeof code === 'string' && code.startsWith('SQLITE_READONLY')
    if (readOnly && Number(db.pragma('query_only', { simple: true })) === 1) return
    throw err
  }
}

const problemsOf = (rows: unknown[]): string[] =>
  rows
    .map((r) => Object.values(r as Record<string, unknown>)[0])
    .map(String)
    .filter((r) => r !== 'ok')

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`

/** Read-only checks on a just-opened connection, before any pragma that could write. Throws DB_CORRUPT. */
export function checkAtOpen(db: Db, file: string, fullCheckUpToBytes = FULL_CHECK_AT_OPEN_BYTES): void {
  const record = readCheckRecord(file)
  if (record && !record.ok)
    throw corrupt(
      file,
      `failed its full integrity check on ${new Date(record.checkedAt).toISOString()} (${record.problems.slice(0, 3).join('; ')})`
    )
  let problems: string[]
  try {
    // Reading the schema parses every CREATE statement: page 1 and the schema table must be sound.
    const tables = (
      db
        .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
        .all() as {
        name: string
      }[]
    ).map((t) => t.name)
    const pageCount = Number(db.pragma('page_count', { simple: true }))
    const pageSize = Number(db.pragma('page_size', { simple: true }))
    if (pageCount * pageSize <= fullCheckUpToBytes) {
      problems = problemsOf(db.pragma('integrity_check') as unknown[])
    } else {
      const big = new Set<string>(LEDGER_SCALE_TABLES)
      problems = tables
        .filter((t) => !big.has(t))
        .flatMap((t) => problemsOf(db.pragma(`quick_check(${quote(t)})`) as unknown[]))
      // The ledger tables' root pages and the path to their newest rows: what every start reads first.
      // (A WITHOUT ROWID table has no rowid to order by; none of the ledger tables is one today.)
      const withoutRowid = new Set(
        (
          db
            .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%WITHOUT ROWID%'`)
            .all() as { name: string }[]
        ).map((t) => t.name)
      )
      for (const t of tables.filter((name) => big.has(name) && !withoutRowid.has(name)))
        db.prepare(`SELECT * FROM ${quote(t)} ORDER BY rowid DESC LIMIT 1`).all()
    }
  } catch (err) {
    // SQLITE_NOTADB, SQLITE_CORRUPT: the header or pages cannot even be read.
    throw corrupt(file, `is damaged or is not a station database (${message(err)})`)
  }
  if (problems.length > 0)
    throw corrupt(file, `failed its integrity check (${problems.slice(0, 3).join('; ')})`)
}

export type FullCheckResult =
  | { kind: 'ok' }
  | { kind: 'damaged'; problems: string[] }
  /** The check could not run (file busy, worker failed); says nothing about the file. */
  | { kind: 'not-run'; error: string }

/**
 * The worker: its own read-only connection, PRAGMA integrity_check, the problems back. Plain CommonJS given
 * as source (eval) so the same code runs under Electron, the built host and the tests without a bundler
 * entry of its own; better-sqlite3 is required by the path the main process resolved.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
let db = null
try {
  const Database = require(workerData.driver)
  db = new Database(workerData.file, { readonly: true, fileMustExist: true })
  const rows = db.pragma('integrity_check')
  parentPort.postMessage({ problems: rows.map((r) => String(Object.values(r)[0])).filter((r) => r !== 'ok') })
} catch (err) {
  parentPort.postMessage({ error: String((err && err.message) || err), code: err && err.code })
} finally {
  if (db) db.close()
}
`

/** SQLite's answers that mean the file itself is damaged (as opposed to busy, missing or unreadable). */
const DAMAGE_CODES = new Set([
  'SQLITE_CORRUPT',
  'SQLITE_NOTADB',
  'SQLITE_CORRUPT_INDEX',
  'SQLITE_CORRUPT_SEQUENCE'
])

let driverPath: string | null = null
const driver = (): string => (driverPath ??= createRequire(import.meta.url).resolve('better-sqlite3'))

/** The full integrity_check of `file` on a worker thread; `onWorker` receives it (to terminate on close). */
export function fullCheck(file: string, onWorker?: (worker: Worker) => void): Promise<FullCheckResult> {
  return new Promise((resolve) => {
    let worker: Worker
    try {
      worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver: driver() } })
    } catch (err) {
      resolve({ kind: 'not-run', error: message(err) })
      return
    }
    onWorker?.(worker)
    let settled = false
    const settle = (result: FullCheckResult) => {
      if (settled) return
      settled = true
      resolve(result)
    }
    worker.once('message', (reply: { problems?: string[]; error?: string; code?: string }) => {
      if (reply.problems)
        settle(reply.problems.length ? { kind: 'damaged', problems: reply.problems } : { kind: 'ok' })
      else if (reply.code && DAMAGE_CODES.has(reply.code))
        settle({ kind: 'damaged', problems: [reply.error ?? reply.code] })
      else settle({ kind: 'not-run', error: reply.error ?? 'the check failed' })
    })
    worker.once('error', (err) => settle({ kind: 'not-run', error: message(err) }))
    worker.once('exit', (code) => settle({ kind: 'not-run', error: `the check stopped (exit ${code})` }))
  })
}

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err))
