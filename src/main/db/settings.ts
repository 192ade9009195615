/** The settings table: JSON values by key. Callers validate what they read with their own schema. */
import type { Db } from './open'
import { prepared } from './statements'

const generations = new WeakMap<Db, number>()

/** Changes whenever any setting of this database is written: lets readers cache parsed values safely. */
export const settingsGeneration = (db: Db): number => generations.get(db) ?? 0

export function readSetting(db: Db, key: string): unknown {
  const row = prepared(db, 'SELECT value FROM settings WHERE key = ?').get(key) as
    { value: string } | undefined
  if (!row) return undefined
  try {
    return JSON.parse(row.value) as unknown
  } catch {
    return undefined
  }
}

export function writeSetting(db: Db, key: string, value: unknown, now = Date.now()): void {
  prepared(
    db,
    `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`
  ).run(key, JSON.stringify(value), now)
  generations.set(db, settingsGeneration(db) + 1)
}
