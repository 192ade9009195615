/**
 * Numbered migrations, applied in order inside ONE transaction and tracked both in
 * `schema_migrations` (what ran, when) and in `PRAGMA user_version` (a cheap version read).
 * A database written by a newer app is refused rather than guessed at.
 */
import type Database from 'better-sqlite3'
import { DatabaseError } from './errors'

export interface Migration {
  version: number
  name: string
  up: (db: Database.Database) => void
}

export const latestVersion = (migrations: readonly Migration[]): number =>
  migrations.reduce((max, m) => Math.max(max, m.version), 0)

export function migrate(db: Database.Database, migrations: readonly Migration[], file: string): number {
  assertNumbered(migrations)
  const latest = latestVersion(migrations)
  const current = db.pragma('user_version', { simple: true }) as number
  if (current > latest) {
    throw new DatabaseError(
      'DB_TOO_NEW',
      `The database ${file} was written by a newer version of Hexiao Station (schema ${current}; this app knows up to ${latest}). Update the app; the file was not changed.`,
      file
    )
  }
  const pending = migrations.filter((m) => m.version > current).sort((a, b) => a.version - b.version)
  if (pending.length === 0) return current
  const applyAll = db.transaction(() => {
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      applied_at INTEGER NOT NULL
    ) STRICT`)
    const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
    for (const m of pending) {
      m.up(db)
      record.run(m.version, m.name, Date.now())
    }
    db.pragma(`user_version = ${latest}`)
  })
  try {
    applyAll()
  } catch (err) {
    const text = err instanceof Error ? err.message : String(err)
    throw new DatabaseError(
      'DB_MIGRATION_FAILED',
      `Updating the database ${file} failed (${text}); nothing was changed.`,
      file
    )
  }
  return latest
}

function assertNumbered(migrations: readonly Migration[]): void {
  const sorted = [...migrations].sort((a, b) => a.version - b.version)
  sorted.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new Error(`Migrations must be numbered 1..n without gaps; found ${m.version}`)
  })
}
