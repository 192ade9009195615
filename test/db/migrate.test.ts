import Database from 'better-sqlite3'
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DatabaseError } from '../../src/main/db/errors'
import type { Migration } from '../../src/main/db/migrate'
import { migrations as appMigrations } from '../../src/main/db/migrations'
import { openDatabase } from '../../src/main/db/open'

const tmpFile = (name = 'station.db') => join(mkdtempSync(join(tmpdir(), 'hexiao-db-')), name)
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex')

const order: number[] = []
const table = (version: number, name: string): Migration => ({
  version,
  name,
  up: (db) => {
    order.push(version)
    db.exec(`CREATE TABLE ${name} (id INTEGER PRIMARY KEY) STRICT`)
  }
})

describe('database open and migrations', () => {
  it('opens with WAL, synchronous=FULL, foreign keys, a busy timeout and 4,000-page checkpoints', () => {
    const { db } = openDatabase(tmpFile())
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('synchronous', { simple: true })).toBe(2)
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0)
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(4000)
    db.close()
  })

  it('applies the app migrations once, in order, and tracks them', () => {
    const file = tmpFile()
    const first = openDatabase(file)
    const rows = first.db.prepare('SELECT version FROM schema_migrations ORDER BY version').all()
    expect(rows.map((r) => (r as { version: number }).version)).toEqual(appMigrations.map((m) => m.version))
    first.db.close()
    const second = openDatabase(file)
    expect(second.db.prepare('SELECT count(*) AS n FROM schema_migrations').get()).toEqual({
      n: appMigrations.length
    })
    second.db.close()
  })

  it('applies pending migrations in version order even if listed out of order', () => {
    order.length = 0
    const { db, schemaVersion } = openDatabase(tmpFile(), {
      migrations: [table(2, 'b'), table(1, 'a'), table(3, 'c')]
    })
    expect(order).toEqual([1, 2, 3])
    expect(schemaVersion).toBe(3)
    db.close()
  })

  it('applies only what is new on a later open', () => {
    const file = tmpFile()
    openDatabase(file, { migrations: [table(1, 'a')] }).db.close()
    order.length = 0
    const { db } = openDatabase(file, { migrations: [table(1, 'a'), table(2, 'b')] })
    expect(order).toEqual([2])
    db.close()
  })

  it('runs all pending migrations in ONE transaction: a failure leaves nothing applied', () => {
    const file = tmpFile()
    const broken: Migration = {
      version: 3,
      name: 'broken',
      up: () => {
        throw new Error('disk on fire')
      }
    }
    expect(() => openDatabase(file, { migrations: [table(1, 'a'), table(2, 'b'), broken] })).toThrowError(
      expect.objectContaining({ code: 'DB_MIGRATION_FAILED' })
    )
    const raw = new Database(file)
    expect(raw.pragma('user_version', { simple: true })).toBe(0)
    expect(raw.prepare("SELECT name FROM sqlite_master WHERE type='table'").all()).toEqual([])
    raw.close()
  })

  it('refuses a database written by a newer app and leaves it unchanged', () => {
    const file = tmpFile()
    openDatabase(file).db.close()
    const raw = new Database(file)
    raw.pragma('user_version = 999')
    raw.close()
    const before = sha(file)
    expect(() => openDatabase(file)).toThrowError(/newer version of Hexiao Station \(schema 999/)
    try {
      openDatabase(file)
    } catch (err) {
      expect(err).toBeInstanceOf(DatabaseError)
      expect((err as DatabaseError).code).toBe('DB_TOO_NEW')
    }
    expect(sha(file)).toBe(before)
  })

  it('reports a file that is not a database and never overwrites it', () => {
    const file = tmpFile()
    writeFileSync(file, 'these are the accounts for October, not a database'.repeat(200))
    const before = sha(file)
    expect(() => openDatabase(file)).toThrowError(expect.objectContaining({ code: 'DB_CORRUPT' }))
    expect(sha(file)).toBe(before)
    expect(existsSync(file + '-wal')).toBe(false)
  })

  it('reports a damaged database and leaves the bytes untouched', () => {
    const file = tmpFile()
    const { db } = openDatabase(file)
    db.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, text TEXT)')
    const insert = db.prepare('INSERT INTO filler (text) VALUES (?)')
    for (let i = 0; i < 2000; i++) insert.run(`row ${i} `.repeat(20))
    db.pragma('wal_checkpoint(TRUNCATE)')
    db.close()
    const bytes = readFileSync(file)
    // Scribble over a b-tree page in the middle of the file (not the header).
    bytes.fill(0xa5, 4096 * 3, 4096 * 3 + 2048)
    writeFileSync(file, bytes)
    const before = sha(file)
    expect(() => openDatabase(file)).toThrowError(expect.objectContaining({ code: 'DB_CORRUPT' }))
    expect(sha(file)).toBe(before)
  })
})
