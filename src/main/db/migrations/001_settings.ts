import type { Migration } from '../migrate'

/** Settings are typed JSON values under a key; each module validates its own keys with zod. */
export const m001Settings: Migration = {
  version: 1,
  name: 'settings',
  up: (db) => {
    db.exec(`CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT`)
  }
}
