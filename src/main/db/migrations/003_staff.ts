import type { Migration } from '../migrate'

/** Staff who sign in at this station. PINs are stored only as scrypt hashes. */
export const m003Staff: Migration = {
  version: 3,
  name: 'staff',
  up: (db) => {
    db.exec(`
      CREATE TABLE staff (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('cashier','manager')),
        pin_hash TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1,
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        locked_until INTEGER,
        created_at INTEGER NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX staff_name_active ON staff(name) WHERE active = 1;
    `)
  }
}
