/**
 * Numbered migrations of the hub's PostgreSQL database, the same shape as the station's (src/main/db/migrate.ts,
 * docs/hub.md § Migrations): all pending ones run in ONE transaction (PostgreSQL's DDL is transactional), recorded
 * in `schema_migrations`; a database written by a newer hub is refused and left as it was. An advisory lock keeps
 * two hub processes on one database (--database-url) from migrating at the same time.
 */
import type { Pool } from 'pg'
import { HubStartError } from '../errors'

export interface HubMigration {
  version: number
  name: string
  /** SQL run inside the migration transaction. */
  sql: string
}

const MIGRATION_LOCK = 0x68756231 // 'hub1'

export const latestHubVersion = (migrations: readonly HubMigration[]): number =>
  migrations.reduce((max, m) => Math.max(max, m.version), 0)

export function assertNumbered(migrations: readonly HubMigration[]): void {
  const sorted = [...migrations].sort((a, b) => a.version - b.version)
  sorted.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new Error(`Hub migrations must be numbered 1..n without gaps; found ${m.version}`)
  })
}

/** Applies what is pending; returns the schema version now in force. */
export async function migrateHub(pool: Pool, migrations: readonly HubMigration[]): Promise<number> {
  assertNumbered(migrations)
  const latest = latestHubVersion(migrations)
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK])
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at bigint NOT NULL
    )`)
    const { rows } = await client.query<{ v: number | null }>(
      'SELECT max(version) AS v FROM schema_migrations'
    )
    const current = rows[0]?.v ?? 0
    if (current > latest) {
      await client.query('ROLLBACK')
      throw new HubStartError(
        'HUB_DB_TOO_NEW',
        `The hub database was written by a newer Hexiao hub (schema ${current}; this hub knows up to ${latest}). Update the hub; the database was not changed.`
      )
    }
    const pending = migrations.filter((m) => m.version > current).sort((a, b) => a.version - b.version)
    try {
      for (const m of pending) {
        await client.query(m.sql)
        await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
          m.version,
          m.name,
          Date.now()
        ])
      }
      await client.query('COMMIT')
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined)
      const text = err instanceof Error ? err.message : String(err)
      throw new HubStartError(
        'HUB_MIGRATION_FAILED',
        `Updating the hub database failed (${text}); nothing was changed.`
      )
    }
    return Math.max(current, latest)
  } catch (err) {
    if (!(err instanceof HubStartError)) await client.query('ROLLBACK').catch(() => undefined)
    throw err
  } finally {
    client.release()
  }
}
