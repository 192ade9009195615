/** A fresh station database file with the app's migrations (and the sync indexes of 004 if not yet listed). */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { m004Sync } from '../../../src/main/db/migrations/004_sync'
import { migrations } from '../../../src/main/db/migrations'
import { openDatabase, type Db } from '../../../src/main/db/open'

export const stationMigrations = migrations.some((m) => m.name === m004Sync.name)
  ? migrations
  : [...migrations, m004Sync]

/** One folder per test file (process), so removeTempDbs() can leave no databases behind. */
let root: string | undefined
function tempRoot(): string {
  root ??= mkdtempSync(join(tmpdir(), 'hexiao-sync-'))
  return root
}

/** Removes every database this process created (open connections keep working on Linux until closed). */
export function removeTempDbs(): void {
  if (root) rmSync(root, { recursive: true, force: true })
  root = undefined
}

export function tempDbFile(prefix = 'db-'): string {
  return join(mkdtempSync(join(tempRoot(), prefix)), 'station.db')
}

export function openStationDb(file = tempDbFile()): Db {
  return openDatabase(file, { migrations: stationMigrations }).db
}
