/** Damage a real SQLite file in ways only some checks see (docs/reliability.md § Database checks). */
import Database from 'better-sqlite3'
import { readFileSync, writeFileSync } from 'node:fs'

/** The pages of one b-tree (table or index), read through SQLite's dbstat. */
export function pagesOf(file: string, name: string): number[] {
  const db = new Database(file, { readonly: true })
  try {
    return (db.prepare('SELECT pageno FROM dbstat WHERE name = ?').all(name) as { pageno: number }[]).map(
      (r) => r.pageno
    )
  } finally {
    db.close()
  }
}

/** Changes the last digit of `code` where it sits in `index`'s pages only: the table row keeps its code. */
export function damageIndexEntry(file: string, index: string, code: string): void {
  // Pages still in the WAL would shadow the damaged page on the next open: fold them into the file first.
  const db = new Database(file)
  try {
    db.pragma('wal_checkpoint(TRUNCATE)')
  } finally {
    db.close()
  }
  const bytes = readFileSync(file)
  const pageSize = bytes.readUInt16BE(16)
  const pages = new Set(pagesOf(file, index))
  const needle = Buffer.from(code)
  for (let at = bytes.indexOf(needle); at >= 0; at = bytes.indexOf(needle, at + 1)) {
    if (!pages.has(Math.floor(at / pageSize) + 1)) continue
    bytes[at + needle.length - 1] = '9'.charCodeAt(0)
    writeFileSync(file, bytes)
    return
  }
  throw new Error(`${code} not found in ${index}`)
}
